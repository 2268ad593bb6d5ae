import Daemon

// lcarsd: everything lives in the Daemon library (LCARSDaemon.swift), so that the fuzz entries
// and tests can link it; this executable only starts it.
await LCARSDaemon.main()
