import ArgumentParser
import Foundation
import Core
import Releases

/// `lcarsd parse`: release names on stdin, one JSON ParsedRelease per line on stdout — the same
/// answer as GET /api/parse, for troubleshooting and for bulk checks. Needs no config or daemon.
struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Parse release names (one per line on stdin) into JSON, one object per line.")

    @Option(help: "How to read the names: auto, video or music.")
    var type: String = "auto"

    @Option(help: "Parse the names on stdin N times in-process and print names per second (no JSON output).")
    var bench: Int?

    @Option(help: "Score the parser on a corpus file (Tests/Fixtures/parser/*.jsonl) instead of reading stdin.")
    var score: [String] = []

    @Flag(help: "With --score: list the failures, grouped by field.")
    var failures = false

    func run() throws {
        guard let hint = ReleaseNameParser.Hint(rawValue: type) else {
            throw fail("--type must be one of auto, video, music; found \"\(type)\"", code: 2)
        }
        if !score.isEmpty { return try runScore() }
        if let bench { return try runBench(rounds: bench, hint: hint) }
        var output = Data()
        try LineReader.forEachLine(of: FileHandle.standardInput) { line in
            output.append(contentsOf: ParsedReleaseJSON.line(ReleaseNameParser.parse(line, hint: hint)).utf8)
            output.append(0x0A)
            if output.count >= 1 << 16 { FileHandle.standardOutput.write(output); output.removeAll(keepingCapacity: true) }
        }
        FileHandle.standardOutput.write(output)
    }

    /// `--score FILE...`: the corpus figures, one block per file.
    private func runScore() throws {
        for path in score {
            let cases = try ParserCorpus.load(URL(fileURLWithPath: path))
            let label = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            print(ParserAccuracy.report(ParserAccuracy.score(cases), label: label, failures: failures))
        }
    }

    /// `--bench N`: the parse alone, in-process — no process start, no I/O, no JSON per name.
    private func runBench(rounds: Int, hint: ReleaseNameParser.Hint) throws {
        var names: [String] = []
        try LineReader.forEachLine(of: FileHandle.standardInput) { names.append($0) }
        guard !names.isEmpty, rounds > 0 else { throw fail("--bench needs names on stdin and N > 0", code: 2) }
        var best = Double.infinity
        var checksum = 0
        for _ in 0..<rounds {
            let start = DispatchTime.now().uptimeNanoseconds
            for name in names { checksum &+= ReleaseNameParser.parse(name, hint: hint).title.utf8.count }
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start))
        }
        let rate = Double(names.count) / (best / 1e9)
        print(String(format: "%d names, best of %d rounds: %.1f ms, %.0f names/s (checksum %d)", names.count, rounds, best / 1e6, rate, checksum))
    }
}

/// Reads a stream in large blocks and hands over each line without its "\n" / "\r\n".
/// Bytes that are not UTF-8 become U+FFFD rather than stopping the run.
enum LineReader {
    static func forEachLine(of handle: FileHandle, _ body: (String) throws -> Void) throws {
        var pending = Data()
        while true {
            let block = handle.readData(ofLength: 1 << 16)
            if block.isEmpty { break }
            pending.append(block)
            var start = pending.startIndex
            while let newline = pending[start...].firstIndex(of: 0x0A) {
                try body(decode(pending[start..<newline]))
                start = pending.index(after: newline)
            }
            pending = Data(pending[start...])
        }
        if !pending.isEmpty { try body(decode(pending[...])) }
    }

    private static func decode(_ bytes: Data.SubSequence) -> String {
        var line = bytes
        if line.last == 0x0D { line = line.dropLast() }
        return String(decoding: line, as: UTF8.self)
    }
}
