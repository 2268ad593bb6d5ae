import Foundation

/// Where the kept inputs live (Tests/Fixtures/fuzz, docs/fuzzing.md): `<subject>/` is the corpus
/// (seeds and what the fuzzer added), `crashes/<subject>/` the inputs that once crashed, each with
/// a `<name>.expected` file holding the outcome it must give now.
public enum FuzzCorpus {
    /// Tests/Fixtures/fuzz of this checkout, found from this source file.
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Tests/Fixtures/fuzz").path

    public static func directory(of subject: FuzzSubject) -> String { root + "/" + subject.rawValue }
    public static func crashDirectory(of subject: FuzzSubject) -> String { root + "/crashes/" + subject.rawValue }

    /// The corpus files of a subject (not the crash inputs), sorted.
    public static func files(of subject: FuzzSubject) -> [String] { files(under: directory(of: subject)) }

    /// Inputs that once crashed, with the outcome each must give now.
    public static func crashes(of subject: FuzzSubject) -> [(path: String, expected: String)] {
        files(under: crashDirectory(of: subject)).filter { !$0.hasSuffix(".expected") }.map { path in
            let expected = (try? String(contentsOfFile: path + ".expected", encoding: .utf8)) ?? "<missing \(path).expected>"
            return (path, expected.trimmingCharacters(in: .newlines))
        }
    }

    /// A file itself, or every regular file under a directory (hidden ones skipped), sorted.
    public static func files(under path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return [] }
        guard isDirectory.boolValue else { return [path] }
        let names = (try? FileManager.default.subpathsOfDirectory(atPath: path)) ?? []
        return names.filter { !$0.split(separator: "/").contains { $0.hasPrefix(".") } }.map { path + "/" + $0 }.filter {
            var dir: ObjCBool = false
            return FileManager.default.fileExists(atPath: $0, isDirectory: &dir) && !dir.boolValue
        }.sorted()
    }
}
