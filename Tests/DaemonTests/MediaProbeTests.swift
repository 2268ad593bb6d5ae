import Foundation
import Testing
@testable import Daemon
@testable import Library

/// ffprobe through the CProcess shim: real processes, a timeout that kills, a missing tool that
/// makes the import wait rather than fail, a file that is not media.
@Suite struct MediaProbeTests {
    @Test func aHangingProcessIsKilledAtTheTimeout() throws {
        let probe = MediaProbe(executable: "sleep", timeoutMs: 300)
        let (output, status) = try probe.run(["sleep", "30"])
        #expect(status == -1 && output.isEmpty)
    }

    @Test func outputAndExitStatusAreCollected() throws {
        let probe = MediaProbe(executable: "sh", timeoutMs: 10_000)
        let (output, status) = try probe.run(["sh", "-c", "printf hello; exit 3"])
        #expect(String(decoding: output, as: UTF8.self) == "hello" && status == 3)
    }

    @Test func aMissingToolMakesTheImportWait() {
        let probe = MediaProbe(executable: "lcars-no-such-ffprobe", timeoutMs: 1000)
        do { _ = try probe.run(["lcars-no-such-ffprobe"]); Issue.record("ran") }
        catch let failure as ImportFailure { #expect(failure.isWaiting && failure.description.contains("ffmpeg")) }
        catch { Issue.record("\(error)") }
    }

    @Test func aTextFileNamedMkvIsNotMedia() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/ffprobe") else { return }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lcars-probe-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir + "/Film", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: dir + "/Film/film.mkv", contents: Data(String(repeating: "not a video\n", count: 100).utf8))
        let source = try SourceTree(savePath: dir, name: "Film").files[0]
        #expect(throws: ImportFailure.content("ffprobe cannot read film.mkv as audio or video")) { try MediaProbe().probe(source) }
    }
}
