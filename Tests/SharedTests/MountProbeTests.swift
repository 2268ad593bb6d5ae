@testable import Core
@testable import Config
@testable import Library
import Foundation
import Testing

/// The storage mounts' checks on real directories: `MountProbe.status` (what GET /api/storage/mounts
/// shows), `MountWriteTest.run` (what POST …/test does in lcarsd) and the library directory lcarsd
/// creates at start. A read-only directory is made with chmod for an ordinary user; root writes
/// through permissions, so for root it is a read-only tmpfs mounted for the test.
@Suite(.serialized) struct MountProbeTests {
    let root: String

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("lcars-mounts-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/library", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/nas", withIntermediateDirectories: true)
    }

    static func local(_ path: String, enabled: Bool = true) -> LCARSConfig.Mount {
        LCARSConfig.Mount(name: "local", type: .local, path: path, host: "", share: "", username: "", password: "",
                          mountPoint: "", enabled: enabled)
    }

    static func smb(_ mountPoint: String) -> LCARSConfig.Mount {
        LCARSConfig.Mount(name: "nas", type: .smb, path: "", host: "192.0.2.1", share: "media", username: "u", password: "p",
                          mountPoint: mountPoint, enabled: true)
    }

    func entries(_ path: String) throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: path) }

    @Test func aLocalDirectoryIsAvailableWithItsSizesAndPassesTheWriteTest() throws {
        let status = MountProbe.status(of: Self.local(root + "/library"))
        #expect(status.available && status.enabled && status.error == nil)
        let total = try #require(status.totalBytes), free = try #require(status.freeBytes)
        #expect(total > 0 && free > 0 && free <= total)

        let test = MountWriteTest.run(on: Self.local(root + "/library"))
        #expect(test.success, "\(test.message ?? "")")
        #expect((test.freeSpaceBytes ?? 0) > 0)
        #expect(try entries(root + "/library").isEmpty)   // the probe file is gone
    }

    @Test func aMissingDirectoryIsUnavailableAndFailsTheWriteTestWithoutCreatingIt() throws {
        let status = MountProbe.status(of: Self.local(root + "/gone"))
        #expect(!status.available && status.totalBytes == nil)
        #expect(status.error == "\(root)/gone does not exist or is not a directory")
        let test = MountWriteTest.run(on: Self.local(root + "/gone"))
        #expect(!test.success && test.message?.contains("cannot open \(root)/gone") == true && test.freeSpaceBytes == nil)
        #expect(!FileManager.default.fileExists(atPath: root + "/gone"))
    }

    @Test func aDisabledMountIsUnavailableAndNotWritten() throws {
        let status = MountProbe.status(of: Self.local(root + "/library", enabled: false))
        #expect(!status.available && !status.enabled && status.error == "disabled in the configuration")
        let test = MountWriteTest.run(on: Self.local(root + "/library", enabled: false))
        #expect(!test.success && test.message?.contains("disabled") == true)
        #expect(try entries(root + "/library").isEmpty)
    }

    @Test func aReadOnlyDirectoryIsUnavailableAndFailsTheWriteTest() throws {
        let path = root + "/readonly"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        if geteuid() == 0 {
            try #require(Self.shell("mount -t tmpfs -o ro,size=1m lcars-test-ro '\(path)'") == 0, "root, but cannot mount a read-only tmpfs")
        } else {
            try #require(chmod(path, 0o555) == 0)
        }
        defer { if geteuid() == 0 { _ = Self.shell("umount '\(path)'") } else { chmod(path, 0o755) } }

        let status = MountProbe.status(of: Self.local(path))
        #expect(!status.available)
        #expect(status.error?.hasPrefix("\(path) is not writable by this process") == true)
        let test = MountWriteTest.run(on: Self.local(path))
        #expect(!test.success && test.message?.hasPrefix("cannot create a file in \(path)") == true, "\(test.message ?? "")")
    }

    @Test func anSmbMountPointWithNothingMountedIsUnavailableAndNothingIsWrittenThere() throws {
        let status = MountProbe.status(of: Self.smb(root + "/nas"))
        #expect(!status.available && status.totalBytes == nil)
        #expect(status.error == "//192.0.2.1/media is not mounted at \(root)/nas")
        let test = MountWriteTest.run(on: Self.smb(root + "/nas"))
        #expect(!test.success && test.message?.hasPrefix("//192.0.2.1/media is not mounted") == true)
        #expect(try entries(root + "/nas").isEmpty)
    }

    @Test func aMountPointIsAFileSystemRootAndAnEmptyDirectoryIsNot() throws {
        // `/` is its own file system's root: the one mount point every machine has.
        #expect(MountProbe.isMountPoint("/"))
        #expect(!MountProbe.isMountPoint(root + "/nas"))
        #expect(!MountProbe.isMountPoint(root + "/not-there"))
    }

    @Test func lcarsdCreatesOnlyLibraryDirectoriesInsideItsDataDirectory() throws {
        let inside = Self.local(root + "/data/library"), outside = Self.local(root + "/media/library")
        var elsewhere = Self.local(root + "/data/../escape/library")
        elsewhere.name = "escape"
        let created = try OwnLibraryDirectories.create(for: [inside, outside, elsewhere, Self.smb(root + "/data/nas")], dataDir: root + "/data")
        #expect(created == [root + "/data/library"])
        #expect(FileManager.default.fileExists(atPath: root + "/data/library"))
        #expect(!FileManager.default.fileExists(atPath: root + "/media"))
        #expect(!FileManager.default.fileExists(atPath: root + "/escape"))
        #expect(!FileManager.default.fileExists(atPath: root + "/data/nas"))
        #expect(try OwnLibraryDirectories.create(for: [inside], dataDir: root + "/data").isEmpty)   // already there
    }

    static func shell(_ command: String) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        do { try process.run() } catch { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
