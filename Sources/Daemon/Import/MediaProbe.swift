import Foundation
import CProcess
import Library

/// Runs ffprobe (Debian's ffmpeg package) on one file, through the CProcess shim's posix_spawn
/// with a timeout: a hostile or broken file cannot hang the import queue.
struct MediaProbe: Sendable {
    var executable = "ffprobe"
    var timeoutMs: Int32 = 60_000
    static let outputCap = 1 << 20

    func probe(_ source: ImportSource) throws -> MediaInfo {
        // "file:" keeps a name starting with a protocol ("http:…", "concat:…") a plain file.
        let argv = [executable, "-v", "error", "-print_format", "json", "-show_format", "-show_streams", "file:" + source.absolutePath]
        let (output, status) = try run(argv)
        guard status != -1 else { throw ImportFailure.content("ffprobe gave up on \(source.file.relativePath) after \(timeoutMs / 1000) s") }
        guard status == 0, let info = MediaInfo.parse(ffprobeJSON: output) else {
            throw ImportFailure.content("ffprobe cannot read \(source.file.relativePath) as audio or video")
        }
        return info
    }

    /// stdout and the wait status (-1: killed at the timeout). ffprobe missing is the server's
    /// problem, not the release's: the import waits instead of failing the download.
    func run(_ argv: [String]) throws -> (Data, Int32) {
        var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) }
        cArgs.append(nil)
        defer { cArgs.forEach { free($0) } }
        var buffer = [CChar](repeating: 0, count: Self.outputCap)
        var status: Int32 = 0
        let got = cArgs.withUnsafeMutableBufferPointer { args in
            lcars_run_capture(args.baseAddress, timeoutMs, &buffer, buffer.count, &status)
        }
        guard got >= 0 else {
            throw ImportFailure.waiting("cannot run \(executable) (install Debian's ffmpeg package): \(String(cString: strerror(errno)))")
        }
        let data = buffer.withUnsafeBytes { Data($0.prefix(got)) }
        guard status != -1 else { return (data, -1) }
        let exited = (status & 0x7f) == 0
        return (data, exited ? (status >> 8) & 0xff : 128 + (status & 0x7f))
    }
}
