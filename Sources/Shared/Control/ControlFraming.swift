import Foundation

/// A frame is a 4-byte big-endian payload length followed by that many bytes of UTF-8 JSON.
public enum ControlFraming {
    public static func frame(_ payload: Data) -> Data {
        var length = UInt32(payload.count).bigEndian
        var data = Data(bytes: &length, count: 4)
        data.append(payload)
        return data
    }

    public static func length(ofHeader header: Data) -> Int {
        header.prefix(4).reduce(0) { ($0 << 8) | Int($1) }
    }
}
