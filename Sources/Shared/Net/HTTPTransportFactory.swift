/// Makes the transport of each new `HTTPClient`: nil means libcurl. The executables pass nil;
/// tests pass a factory of stand-ins, so every client a component builds for itself is covered.
public typealias HTTPTransportFactory = @Sendable (_ service: String) -> any HTTPTransport
