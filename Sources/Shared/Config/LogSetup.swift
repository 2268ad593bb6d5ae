import Logging

/// Logs go to stderr (journald or the terminal picks them up), quiet by default (`warning`).
public enum LogSetup {
    public static func bootstrap(level: String, label: String) -> Logger {
        let parsed = Logger.Level(rawValue: level) ?? .warning
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = parsed
            return handler
        }
        return Logger(label: label)
    }
}
