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

    func run() throws {
        guard let hint = ReleaseNameParser.Hint(rawValue: type) else {
            throw fail("--type must be one of auto, video, music; found \"\(type)\"", code: 2)
        }
        var output = Data()
        try LineReader.forEachLine(of: FileHandle.standardInput) { line in
            output.append(contentsOf: ParsedReleaseJSON.line(ReleaseNameParser.parse(line, hint: hint)).utf8)
            output.append(0x0A)
            if output.count >= 1 << 16 { FileHandle.standardOutput.write(output); output.removeAll(keepingCapacity: true) }
        }
        FileHandle.standardOutput.write(output)
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
