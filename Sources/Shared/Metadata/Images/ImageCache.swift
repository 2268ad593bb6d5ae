import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Images on disk under `<data_dir>/cache/images`, one file per `ImageSource.cacheKey`. A file is
/// written under a temporary name in its own directory and renamed into place, so a reader sees
/// the whole image or none; directories are 0700 (only the pool's user reads them).
public struct ImageCache: Sendable {
    public let root: String

    public init(dataDir: String) {
        root = (dataDir.hasSuffix("/") ? String(dataDir.dropLast()) : dataDir) + "/cache/images"
    }

    func path(_ source: ImageSource) -> String { root + "/" + source.cacheKey }

    public func read(_ source: ImageSource) -> Data? {
        FileManager.default.contents(atPath: path(source))
    }

    /// Writes the image; a failure leaves no file behind (neither the temporary nor a partial one).
    public func store(_ data: Data, for source: ImageSource) throws {
        let final = path(source)
        let directory = (final as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let temporary = directory + "/.partial-\(UUID().uuidString)"
        do {
            try data.write(to: URL(fileURLWithPath: temporary), options: .withoutOverwriting)
            guard rename(temporary, final) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: final,
                                                             NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        } catch {
            unlink(temporary)
            throw error
        }
    }
}
