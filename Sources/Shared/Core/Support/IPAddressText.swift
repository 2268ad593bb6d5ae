#if canImport(Glibc)
import Glibc
#endif

/// Checks address text with the C library's own parser, so config accepts exactly what sockets do.
public enum IPAddressText {
    public static func isValid(_ text: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1
    }
}
