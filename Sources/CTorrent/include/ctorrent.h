// Plain-C face of libtorrent-rasterbar 2.0 for the Swift TorrentEngine.
//
// Rules of this header:
// - Only C types cross it; every C++ exception is caught inside the shim and turned into a
//   ct_code plus a message in the caller's ct_error.
// - Handles are opaque. Whatever the shim allocates and hands out (strings inside structs,
//   arrays, byte buffers) the caller releases with the matching ct_free_* function, exactly once.
// - Input pointers are borrowed for the duration of the call only.
// - Info hashes are lowercase hex: the v1 SHA-1 hash, or the truncated v2 hash for v2-only
//   torrents (libtorrent's "best" hash), always 40 characters plus NUL.
#ifndef LCARS_CTORRENT_H
#define LCARS_CTORRENT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

// MARK: - Errors

typedef enum ct_code {
    CT_OK = 0,
    CT_ERR_INVALID_ARGUMENT = 1,
    CT_ERR_INVALID_MAGNET = 2,
    CT_ERR_INVALID_TORRENT = 3,
    CT_ERR_INVALID_INFO_HASH = 4,
    CT_ERR_DUPLICATE = 5,
    CT_ERR_UNKNOWN_TORRENT = 6,
    CT_ERR_INVALID_RESUME_DATA = 7,
    CT_ERR_IO = 8,
    CT_ERR_SESSION = 9,
} ct_code;

/// Info hashes travel as lower-case hex: 40 digits (v1 or hybrid: the v1 hash) or 64 (v2-only: the
/// full SHA-256), plus the terminating NUL.
enum { CT_ERROR_MESSAGE_SIZE = 512, CT_INFO_HASH_SIZE = 65 };

/// Filled by every call that can fail; `message` is NUL-terminated (truncated if longer).
typedef struct ct_error {
    ct_code code;
    char message[CT_ERROR_MESSAGE_SIZE];
} ct_error;

// MARK: - Owned buffers

/// Bytes allocated by the shim (bencoded resume data, session state, .torrent files).
typedef struct ct_bytes {
    uint8_t *data;
    size_t length;
} ct_bytes;

void ct_free_bytes(ct_bytes *bytes);

// MARK: - Session

typedef struct ct_session ct_session;

typedef struct ct_settings {
    int listen_port_first;          ///< 0 lets the OS pick (tests)
    int listen_port_last;           ///< >= first; the ports in between are tried in order
    const char *listen_address;     ///< NULL or "" = every address; ignored when bind_interface is set
    const char *bind_interface;     ///< device name ("wg0"): listen and connect only through it
    int max_connections;
    int download_rate_limit;        ///< bytes/s, 0 = unlimited
    int upload_rate_limit;          ///< bytes/s, 0 = unlimited
    int rate_limit_local_peers;     ///< 1: limits also apply to LAN/loopback peers
    int enable_dht, enable_lsd, enable_upnp, enable_natpmp, enable_pex, enable_utp;
    const char *user_agent;
} ct_settings;

/// Starts a session. `state`/`state_length` may carry ct_session_save_state output (or NULL/0).
/// Returns NULL on failure with `error` filled.
ct_session *ct_session_create(const ct_settings *settings, const uint8_t *state, size_t state_length,
                              ct_error *error);
/// Stops the session (blocks until libtorrent has shut down) and frees it. NULL is ignored.
void ct_session_destroy(ct_session *session);

/// Applies new settings to the running session; changed listen settings re-bind the sockets.
int ct_session_apply_settings(ct_session *session, const ct_settings *settings, ct_error *error);

void ct_session_pause(ct_session *session);
void ct_session_resume(ct_session *session);
int ct_session_is_paused(ct_session *session);

/// The TCP port the session listens on, or 0 if it has no listen socket.
int ct_session_listen_port(ct_session *session);

/// Session state (DHT routing table, extension state) bencoded; settings are not included, they
/// come from ct_settings on every start.
int ct_session_save_state(ct_session *session, ct_bytes *out, ct_error *error);

// MARK: - Sources, inspection and creation

typedef enum ct_source_kind {
    CT_SOURCE_MAGNET = 0,
    CT_SOURCE_TORRENT_FILE = 1,
    CT_SOURCE_INFO_HASH = 2,
} ct_source_kind;

typedef struct ct_source {
    ct_source_kind kind;
    const char *text;       ///< magnet URI or hex info hash
    const uint8_t *bytes;   ///< .torrent file contents
    size_t length;
} ct_source;

typedef struct ct_descriptor {
    char info_hash[CT_INFO_HASH_SIZE];
    char *name;             ///< NULL when unknown (bare info hash, magnet without dn=)
    int64_t total_size;     ///< -1 when unknown (no metadata)
    char *magnet;           ///< never NULL on success
} ct_descriptor;

/// Parses a source without a session.
int ct_inspect(const ct_source *source, ct_descriptor *out, ct_error *error);
void ct_free_descriptor(ct_descriptor *descriptor);

/// Which BitTorrent protocol versions a created torrent carries.
typedef enum { CT_TORRENT_V1 = 0, CT_TORRENT_HYBRID = 1, CT_TORRENT_V2 = 2 } ct_torrent_version;

/// Builds a .torrent for a file or a directory (hashing its contents). piece_size 0 = automatic.
int ct_create_torrent(const char *path, const char *const *trackers, size_t tracker_count,
                      int piece_size, ct_torrent_version version, ct_bytes *out, ct_error *error);

// MARK: - Torrents

/// Adds a torrent. `resume_data` (optional) is write_resume_data_buf output for the same torrent.
/// The torrent is never auto-managed (paused stays paused until ct_torrent_resume).
/// `out_info_hash` receives the torrent's hash, also when the add fails with CT_ERR_DUPLICATE.
int ct_session_add(ct_session *session, const ct_source *source, const char *save_path,
                   const uint8_t *resume_data, size_t resume_length, int paused,
                   char out_info_hash[CT_INFO_HASH_SIZE], ct_error *error);

int ct_torrent_pause(ct_session *session, const char *info_hash, ct_error *error);
int ct_torrent_resume(ct_session *session, const char *info_hash, ct_error *error);
int ct_torrent_remove(ct_session *session, const char *info_hash, int delete_files, ct_error *error);
int ct_torrent_force_recheck(ct_session *session, const char *info_hash, ct_error *error);
int ct_torrent_connect_peer(ct_session *session, const char *info_hash, const char *ip, int port,
                            ct_error *error);
/// Asks for resume data (flushed to disk, with the info dict); arrives as CT_ALERT_RESUME_DATA.
int ct_torrent_request_resume_data(ct_session *session, const char *info_hash, ct_error *error);
/// Same for every torrent; returns how many requests were made (one alert each).
int ct_session_request_resume_data_all(ct_session *session);

// MARK: - Resume data after a crash

typedef struct ct_resume_check {
    int pieces_hashed;  ///< pieces the resume data did not list, read and hashed
    int pieces_found;   ///< of those, the ones whose hash matched: now listed as had
    int full_check;     ///< 1: a v2-only torrent, not checked: add it WITHOUT resume data (`out` is empty), so libtorrent hashes every file
} ct_resume_check;

/// For resume data that may be older than the files (the process was killed): hashes every piece
/// it does not list whose bytes are all on disk under `save_path` (holes in sparse files are
/// skipped unread) and returns, in `out`, the same resume data listing the pieces that matched.
/// Blocks while it reads; the cost is the data written since the resume data was saved.
int ct_resume_data_check_files(const uint8_t *resume_data, size_t resume_length, const char *save_path,
                               ct_bytes *out, ct_resume_check *result, ct_error *error);

// MARK: - Status

typedef enum ct_state {
    CT_STATE_UNKNOWN = 0,
    CT_STATE_CHECKING_FILES = 1,
    CT_STATE_DOWNLOADING_METADATA = 2,
    CT_STATE_DOWNLOADING = 3,
    CT_STATE_FINISHED = 4,
    CT_STATE_SEEDING = 5,
    CT_STATE_CHECKING_RESUME_DATA = 7,
} ct_state;

typedef struct ct_torrent_status {
    char info_hash[CT_INFO_HASH_SIZE];
    char *name;                     ///< owned; "" before metadata unless the magnet had dn=
    char *save_path;                ///< owned
    char *error;                    ///< owned; NULL when the torrent has no error
    ct_state state;
    int is_paused;
    int has_metadata;
    double progress;                ///< 0...1
    int64_t download_rate, upload_rate;                 ///< payload bytes/s
    int64_t total_done, total_wanted;
    int64_t session_downloaded, session_uploaded;       ///< payload since added/resumed
    int64_t all_time_downloaded, all_time_uploaded;     ///< payload, kept in resume data
    int peers, seeds;
    double ratio;
    int64_t seeding_seconds, active_seconds;
    int64_t eta_seconds;            ///< -1 when unknown (stalled, complete, no metadata)
} ct_torrent_status;

/// CT_ERR_UNKNOWN_TORRENT when the hash is not in the session.
int ct_torrent_status_get(ct_session *session, const char *info_hash, ct_torrent_status *out,
                          ct_error *error);
/// Releases the strings inside one status (not the struct itself).
void ct_free_status_fields(ct_torrent_status *status);

int ct_session_all_statuses(ct_session *session, ct_torrent_status **out, size_t *count, ct_error *error);
void ct_free_statuses(ct_torrent_status *statuses, size_t count);

typedef struct ct_file_entry {
    int index;              ///< libtorrent's file index (pad files are left out, so gaps are possible)
    char *path;             ///< owned; relative to the save path
    int64_t size;
    int64_t bytes_done;
} ct_file_entry;

/// An empty list (count 0) when the torrent has no metadata yet.
int ct_torrent_files(ct_session *session, const char *info_hash, ct_file_entry **out, size_t *count,
                     ct_error *error);
void ct_free_files(ct_file_entry *files, size_t count);

// MARK: - Alerts

typedef enum ct_alert_kind {
    CT_ALERT_ADDED = 1,             ///< text = name
    CT_ALERT_ADD_FAILED = 2,        ///< text = message; info_hash may be ""
    CT_ALERT_METADATA_RECEIVED = 3, ///< text = name
    CT_ALERT_FINISHED = 4,
    CT_ALERT_STATE_CHANGED = 5,     ///< state
    CT_ALERT_TORRENT_ERROR = 6,     ///< text = message
    CT_ALERT_RESUME_DATA = 7,       ///< data = bencoded resume data
    CT_ALERT_RESUME_DATA_FAILED = 8,///< text = message
    CT_ALERT_REMOVED = 9,
    CT_ALERT_FILES_DELETED = 10,
    CT_ALERT_DELETE_FAILED = 11,    ///< text = message
    CT_ALERT_LISTEN_FAILED = 12,    ///< text = message
    CT_ALERT_LISTEN_SUCCEEDED = 13, ///< text = address, port
} ct_alert_kind;

typedef struct ct_alert {
    ct_alert_kind kind;
    char info_hash[CT_INFO_HASH_SIZE];  ///< "" when the alert is not about a torrent
    char *text;                         ///< owned or NULL
    uint8_t *data;                      ///< owned or NULL
    size_t data_length;
    ct_state state;
    int port;
} ct_alert;

/// Blocks up to timeout_ms for an alert; 1 if one is waiting, 0 otherwise. Thread-safe; it may run
/// while another thread uses the session.
int ct_session_wait_for_alert(ct_session *session, int timeout_ms);
/// Takes every queued alert and copies the ones LCARS uses. Free with ct_free_alerts.
int ct_session_pop_alerts(ct_session *session, ct_alert **out, size_t *count, ct_error *error);
void ct_free_alerts(ct_alert *alerts, size_t count);

#ifdef __cplusplus
}
#endif
#endif
