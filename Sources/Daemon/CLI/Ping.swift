import ArgumentParser
import Foundation
import Core
import Control

struct Ping: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Ask a running lcarsd for its status over the control socket.")
    @OptionGroup var options: ConfigOption

    func run() throws {
        let config = try options.load()
        let client = ControlClient(socketPath: config.daemon.socket, timeout: TimeInterval(config.daemon.ipcTimeoutMs) / 1000)
        do {
            let status = try client.call("status").decode(DaemonStatus.self)
            print("lcarsd \(status.version) pid \(status.pid) up \(status.uptimeSeconds) s, schema version \(status.schemaVersion)")
        } catch {
            throw fail("\(error)")
        }
    }
}
