import Foundation

/// What the fuzzer can aim at (docs/fuzzing.md): each subject turns arbitrary bytes into one call
/// of production code, exactly as its real input would arrive. The libFuzzer driver, the corpus
/// replayer (`lcars-fuzz SUBJECT FILE...`) and the regression tests (Tests/FuzzTests) all go
/// through `run`, so a crash the fuzzer finds is replayed by the same code in `make test`.
public enum FuzzSubject: String, CaseIterable, Sendable {
    /// Release names: `ReleaseNameParser` with every hint, and its JSON line (`lcarsd parse`).
    case release
    /// Magnet links: `Magnet` (hash, trackers) and libtorrent's magnet parser via `TorrentEngine.inspect`.
    case magnet
    /// .torrent files: `TorrentEngine.inspect` (libtorrent's bdecode and torrent_info under the shim).
    case torrent
    /// config.toml: `ConfigLoader.parse` (TOML, sections, validation).
    case config
    /// An HTTP request as nginx hands it over: FastCGI params + body through `RequestIntake`, the router and the handlers.
    case request
    /// Bytes on the control socket: `ControlFrameDecoder`, then each frame as a `ControlRequest` and its arguments.
    case control

    /// Runs one input and describes what production code made of it (a short, stable text the
    /// regression tests compare with for inputs that once crashed). Never throws: rejecting an
    /// input is an outcome; only a crash is a finding.
    public func run(_ data: Data) -> String {
        switch self {
        case .release: ReleaseNameEntry.run(data)
        case .magnet: MagnetEntry.run(data)
        case .torrent: TorrentEntry.run(data)
        case .config: ConfigEntry.run(data)
        case .request: RequestEntry.run(data)
        case .control: ControlEntry.run(data)
        }
    }

    /// libFuzzer's `-max_len` for the subject: long enough for any real input of its kind.
    public var maxLength: Int {
        switch self {
        case .release, .magnet: 1024
        case .torrent, .request, .control: 16384
        case .config: 8192
        }
    }
}

/// Short descriptions of errors for outcomes: the type and the first line, at most 120 characters.
enum Outcome {
    static func error(_ error: Error) -> String {
        let text = "\(error)".split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        return "error \(type(of: error)): \(text.prefix(120))"
    }
}
