import Foundation
import FuzzEntries

/// The build without libFuzzer: runs each input file (directories: every file under them) once
/// and prints what production code made of it — for reproducing a crash under a debugger.
enum CorpusReplay {
    static func run(_ subject: FuzzSubject, paths: [String]) -> Int32 {
        let files = paths.isEmpty ? FuzzCorpus.files(of: subject) : paths.flatMap(FuzzCorpus.files(under:))
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                FileHandle.standardError.write(Data("lcars-fuzz: cannot read \(file)\n".utf8))
                return 1
            }
            print("\(file): \(subject.run(data))")
        }
        return 0
    }
}
