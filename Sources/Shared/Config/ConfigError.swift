/// A configuration problem, phrased as one line that names where (file or environment variable),
/// which key, and what was expected, so that `lcarsd`/`lcars-fcgi` can print it and exit.
public struct ConfigError: Error, CustomStringConvertible, Equatable {
    public let source: String
    public let key: String?
    public let problem: String

    public init(source: String, key: String?, problem: String) {
        self.source = source
        self.key = key
        self.problem = problem
    }

    public var description: String {
        if let key { return "config error in \(source): \(key): \(problem)" }
        return "config error in \(source): \(problem)"
    }
}
