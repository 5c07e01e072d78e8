import CPROJ

/// A PROJ context that keeps what PROJ logs. PROJ's errno text for a failed lookup is only
/// "Unknown error"; the real reason ("crs not found") reaches the log callback alone.
///
/// Not thread-safe: a context serves one thread at a time, so each owner uses it under its own lock.
final class PROJContext {
    let handle: OpaquePointer
    private var messages: [String] = []

    init() {
        // NULL only when memory allocation fails.
        handle = proj_context_create()!
        // Grids are never fetched from the network, whatever PROJ_NETWORK says: results must not
        // depend on connectivity.
        proj_context_set_enable_network(handle, 0)
        proj_log_level(handle, PJ_LOG_ERROR)
        proj_log_func(handle, Unmanaged.passUnretained(self).toOpaque()) { userdata, _, message in
            guard let userdata, let message else { return }
            let context = Unmanaged<PROJContext>.fromOpaque(userdata).takeUnretainedValue()
            context.messages.append(String(cString: message))
        }
    }

    deinit { proj_context_destroy(handle) }

    /// What PROJ logged since the last call (nil if nothing), joined with "; ", and forgets it.
    func takeMessages() -> String? {
        defer { messages.removeAll() }
        return messages.isEmpty ? nil : messages.joined(separator: "; ")
    }
}
