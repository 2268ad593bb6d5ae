@testable import Config
@testable import Persistence
import Foundation
import Testing

/// The data directory and the database files are their owner's only (issue 11, defect 4).
@Suite struct PrivateFilesTests {
    func mode(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1) & 0o777
    }

    func scratch() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("lcars-private-\(UUID().uuidString)").path
    }

    /// SQLite would create the file 0644; the -wal and -shm it creates take the database's mode.
    @Test func aNewDatabaseAndItsWALAreOwnerOnly() throws {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/data/lcars.db"
        let database = try AppDatabase.open(LCARSConfig.Database(path: path, busyTimeoutMs: 1000))
        try database.migrate()
        #expect(mode(dir + "/data") == 0o700)
        #expect([path, path + "-wal", path + "-shm"].map(mode) == [0o600, 0o600, 0o600])
    }

    @Test func anOlderInstallIsTightenedAndAnExistingParentLeftAlone() throws {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/data", withIntermediateDirectories: true)
        let path = dir + "/data/lcars.db"
        for file in [path, path + "-wal", path + "-shm"] {
            #expect(FileManager.default.createFile(atPath: file, contents: nil, attributes: [.posixPermissions: 0o644]))
        }
        chmod(dir + "/data", 0o755)
        try PrivateFiles.prepareDatabase(path)
        #expect([path, path + "-wal", path + "-shm"].map(mode) == [0o600, 0o600, 0o600])
        #expect(mode(dir + "/data") == 0o755)   // database.path may point anywhere: only the data dir is tightened
        try PrivateFiles.secureDirectory(dir + "/data")
        #expect(mode(dir + "/data") == 0o700)
        try PrivateFiles.secureDirectory(dir + "/new/data")
        #expect(mode(dir + "/new/data") == 0o700)
    }
}
