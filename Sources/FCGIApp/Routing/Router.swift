/// Who may call a route.
enum Access: Sendable {
    case everyone      // only login
    case user          // any logged-in user
    case admin
}

struct Route: Sendable {
    let method: String
    let segments: [String]        // ":name" segments capture a path parameter
    let access: Access
    let handler: @Sendable (RequestContext) throws -> HTTPResponse

    init(_ method: String, _ pattern: String, _ access: Access, _ handler: @escaping @Sendable (RequestContext) throws -> HTTPResponse) {
        self.method = method
        self.segments = pattern.split(separator: "/").map(String.init)
        self.access = access
        self.handler = handler
    }

    func match(_ pathSegments: [String]) -> [String: String]? {
        guard segments.count == pathSegments.count else { return nil }
        var params: [String: String] = [:]
        for (pattern, value) in zip(segments, pathSegments) {
            if pattern.hasPrefix(":") { params[String(pattern.dropFirst())] = value }
            else if pattern != value { return nil }
        }
        return params
    }
}

/// Finds the route for a method and path: a path no route has → 404, a path that exists with
/// another method → 405 with the methods it does have.
struct Router {
    let routes: [Route]

    enum Resolution {
        case found(Route, params: [String: String])
        case notFound
        case methodNotAllowed(allowed: [String])
    }

    func resolve(method: String, segments: [String]) -> Resolution {
        var allowed: [String] = []
        for route in routes {
            guard let params = route.match(segments) else { continue }
            if route.method == method { return .found(route, params: params) }
            allowed.append(route.method)
        }
        return allowed.isEmpty ? .notFound : .methodNotAllowed(allowed: allowed)
    }
}
