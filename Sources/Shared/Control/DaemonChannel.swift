import Core

/// How a responder asks lcarsd to do something: `ControlClient` over the control socket in
/// production; tests stand in for lcarsd with their own channel (no socket, no daemon).
public protocol DaemonChannel: Sendable {
    func call(_ cmd: String, args: JSONValue) throws(ControlClient.Failure) -> JSONValue
}

extension ControlClient: DaemonChannel {}
