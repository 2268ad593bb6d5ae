/// Something every attempt must pass before it goes out, e.g. a service's rate limiter.
/// `waitTurn` blocks until the attempt may start.
public protocol RequestGate: Sendable {
    func waitTurn() throws
}
