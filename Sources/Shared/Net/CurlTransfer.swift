import CCurl
import Foundation

/// One libcurl easy handle and the options LCARS sets on every transfer. Kept per client so that
/// connections are reused and cookies (logins to trackers) persist between its requests;
/// `curl_easy_reset` clears the options but keeps both. The handle (and libcurl itself, see
/// CCurl) comes with the first transfer: a client that never sends a request costs nothing.
final class CurlTransfer: HTTPTransport {
    typealias Outcome = HTTPTransportAnswer
    typealias Failure = HTTPTransportFailure

    private var handle: UnsafeMutableRawPointer?

    init() {}

    deinit { if let handle { lcars_curl_easy_cleanup(handle) } }

    func perform(_ request: HTTPClientRequest, settings: HTTPClientSettings) -> Result<Outcome, Failure> {
        let handle: UnsafeMutableRawPointer
        switch easyHandle() {
        case .success(let ready): handle = ready
        case .failure(let failure): return .failure(failure)
        }
        lcars_curl_easy_reset(handle)
        let sink = TransferSink(limit: request.maxBodyBytes)
        let headerList = configure(handle, request, settings: settings, sink: sink)
        defer { lcars_curl_slist_free_all(headerList) }
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE))
        let code = errorBuffer.withUnsafeMutableBufferPointer { buffer -> CURLcode in
            _ = lcars_curl_set_pointer(handle, CURLOPT_ERRORBUFFER, buffer.baseAddress)
            return withExtendedLifetime(sink) { lcars_curl_easy_perform(handle) }
        }
        if sink.overflow { return .failure(.tooLarge) }
        guard code == CURLE_OK else {
            let detail = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            return .failure(.curl(code: code.rawValue, message: detail.isEmpty ? String(cString: lcars_curl_easy_strerror(code)) : detail))
        }
        var status = 0
        _ = lcars_curl_get_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return .success(Outcome(status: status, headers: sink.headers, body: sink.body))
    }

    /// This client's easy handle, made on first use; CURLE_FAILED_INIT with the reason when
    /// libcurl cannot be loaded (every later request says the same).
    private func easyHandle() -> Result<UnsafeMutableRawPointer, Failure> {
        if let handle { return .success(handle) }
        var reason = [CChar](repeating: 0, count: 512)
        guard lcars_curl_load(&reason, reason.count) == 0 else {
            return .failure(.curl(code: CURLE_FAILED_INIT.rawValue, message: String(cString: reason)))
        }
        guard let made = lcars_curl_easy_init() else {
            return .failure(.curl(code: CURLE_FAILED_INIT.rawValue, message: "curl_easy_init failed: libcurl could not set up a handle"))
        }
        _ = lcars_curl_set_string(made, CURLOPT_COOKIEFILE, "")   // cookie engine on, in memory only
        handle = made
        return .success(made)
    }

    /// Sets every option of one transfer; returns the header list to free afterwards.
    private func configure(_ handle: UnsafeMutableRawPointer, _ request: HTTPClientRequest, settings: HTTPClientSettings,
                           sink: TransferSink) -> UnsafeMutablePointer<curl_slist>? {
        _ = lcars_curl_set_string(handle, CURLOPT_URL, request.url.absoluteString)
        _ = lcars_curl_set_string(handle, CURLOPT_PROTOCOLS_STR, "http,https")
        _ = lcars_curl_set_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        _ = lcars_curl_set_long(handle, CURLOPT_FOLLOWLOCATION, request.followsRedirects ? 1 : 0)
        _ = lcars_curl_set_long(handle, CURLOPT_MAXREDIRS, 5)
        _ = lcars_curl_set_long(handle, CURLOPT_NOSIGNAL, 1)
        _ = lcars_curl_set_string(handle, CURLOPT_ACCEPT_ENCODING, "")   // every encoding libcurl decodes (gzip, deflate, br)
        _ = lcars_curl_set_string(handle, CURLOPT_USERAGENT, settings.userAgent)
        _ = lcars_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(request.connectTimeout ?? settings.connectTimeout))
        _ = lcars_curl_set_long(handle, CURLOPT_TIMEOUT_MS, Self.milliseconds(request.timeout ?? settings.timeout))
        if !settings.interface.isEmpty { _ = lcars_curl_set_string(handle, CURLOPT_INTERFACE, settings.interface) }
        setMethodAndBody(handle, request)
        let context = Unmanaged.passUnretained(sink).toOpaque()
        _ = lcars_curl_set_callback(handle, CURLOPT_WRITEFUNCTION, TransferSink.onBody)
        _ = lcars_curl_set_pointer(handle, CURLOPT_WRITEDATA, context)
        _ = lcars_curl_set_callback(handle, CURLOPT_HEADERFUNCTION, TransferSink.onHeader)
        _ = lcars_curl_set_pointer(handle, CURLOPT_HEADERDATA, context)
        var list: UnsafeMutablePointer<curl_slist>? = nil
        for (name, value) in request.headers.sorted(by: { $0.key < $1.key }) {
            list = lcars_curl_slist_append(list, "\(name): \(value)")
        }
        _ = lcars_curl_set_pointer(handle, CURLOPT_HTTPHEADER, list)
        return list
    }

    private func setMethodAndBody(_ handle: UnsafeMutableRawPointer, _ request: HTTPClientRequest) {
        switch request.method {
        case "GET": _ = lcars_curl_set_long(handle, CURLOPT_HTTPGET, 1)
        case "HEAD": _ = lcars_curl_set_long(handle, CURLOPT_NOBODY, 1)
        default: _ = lcars_curl_set_string(handle, CURLOPT_CUSTOMREQUEST, request.method)
        }
        guard let body = request.body else { return }
        _ = lcars_curl_set_long(handle, CURLOPT_POSTFIELDSIZE, body.count)
        body.withUnsafeBytes { raw in   // COPYPOSTFIELDS copies: the Data need not outlive this call
            _ = lcars_curl_set_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!))
        }
    }

    static func milliseconds(_ seconds: TimeInterval) -> Int { max(1, Int((seconds * 1000).rounded())) }
}

/// Receives the body and header lines libcurl hands over during one transfer.
final class TransferSink {
    let limit: Int
    var body = Data()
    var headers: [String: String] = [:]
    var overflow = false

    init(limit: Int) { self.limit = limit }

    static let onBody: lcars_curl_data_callback = { data, size, count, context in
        let sink = Unmanaged<TransferSink>.fromOpaque(context!).takeUnretainedValue()
        let length = size * count
        guard sink.body.count + length <= sink.limit else { sink.overflow = true; return 0 }   // 0 aborts the transfer
        if let data { data.withMemoryRebound(to: UInt8.self, capacity: length) { sink.body.append($0, count: length) } }
        return length
    }

    /// Header lines of every response on the way (redirects, 100 Continue): a status line starts
    /// the set over, so the last response's headers are what remains.
    static let onHeader: lcars_curl_data_callback = { data, size, count, context in
        let sink = Unmanaged<TransferSink>.fromOpaque(context!).takeUnretainedValue()
        let length = size * count
        guard let data else { return length }
        let line = data.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }.trimmingCharacters(in: .whitespacesAndNewlines)
        if line.hasPrefix("HTTP/") {
            // Cookies set on the way (a login that redirects) still count; the rest is the last response's.
            let cookies = sink.headers["set-cookie"]
            sink.headers = cookies.map { ["set-cookie": $0] } ?? [:]
        }
        else if let colon = line.firstIndex(of: ":") {
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            // Every cookie counts (a login sets several); other repeated headers keep the last value.
            if name == "set-cookie", let earlier = sink.headers[name] { sink.headers[name] = earlier + "\n" + value }
            else { sink.headers[name] = value }
        }
        return length
    }
}
