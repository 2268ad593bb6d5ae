import Daemon

/// lcarsd: everything lives in the Daemon library (LCARSDaemon.swift), so that the fuzz entries
/// and tests can link it; this executable only starts it. An async `@main` rather than a
/// main.swift: in top-level code `await LCARSDaemon.main()` resolves to ParsableCommand's
/// synchronous main, which refuses to run an async root command.
@main
enum LCARSDMain {
    static func main() async {
        await LCARSDaemon.main()
    }
}
