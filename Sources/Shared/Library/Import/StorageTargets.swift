import Foundation
import Config
import Core

/// Where an import puts files: the `[[storage.rules]]` that apply to the item's kind, in order,
/// each with its mount's root. A rule whose mount is disabled is skipped (the default config's
/// `nas` copy); a rule whose mount is enabled but unavailable (an SMB share not mounted, a
/// missing folder) makes the whole import wait — LCARS never writes into an empty mount point.
public struct StorageTarget: Sendable, Equatable {
    public let mount: String
    public let action: LCARSConfig.Rule.Action
    public let root: String
}

public enum StorageTargets {
    public static func resolve(for kind: MediaKind, storage: LCARSConfig.Storage,
                               status: (LCARSConfig.Mount) -> MountStatus = MountProbe.status(of:)) throws -> [StorageTarget] {
        var targets: [StorageTarget] = []
        for rule in storage.rules where applies(rule, to: kind) {
            guard let mount = storage.mounts.first(where: { $0.name == rule.destination }), mount.enabled else { continue }
            let state = status(mount)
            guard state.available else {
                throw ImportFailure.waiting("the library mount \"\(mount.name)\" is unavailable: \(state.error ?? "unknown reason")")
            }
            targets.append(StorageTarget(mount: mount.name, action: rule.action, root: mount.type == .local ? mount.path : mount.mountPoint))
        }
        guard !targets.isEmpty else {
            throw ImportFailure.waiting("no [[storage.rules]] entry with an enabled mount takes \(kind.rawValue) files")
        }
        return targets
    }

    /// A rule for albums also takes a download linked to a single track.
    static func applies(_ rule: LCARSConfig.Rule, to kind: MediaKind) -> Bool {
        rule.mediaTypes.contains(kind.rawValue) || (kind == .track && rule.mediaTypes.contains(MediaKind.album.rawValue))
    }
}
