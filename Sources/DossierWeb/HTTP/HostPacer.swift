/// Spaces requests to one host: each waits until the host's previous request is at least the interval behind it.
///
/// ```swift
/// let pacer = HostPacer(interval: .seconds(1))
/// await pacer.wait(for: "example.com")   // at once
/// await pacer.wait(for: "example.com")   // a second later
/// ```
public actor HostPacer {
    public let interval: Duration
    private var nextSlot: [String: ContinuousClock.Instant] = [:]

    public init(interval: Duration) { self.interval = interval }

    /// Returns when a request to `host` may go.
    public func wait(for host: String) async {
        let now = ContinuousClock.now
        let slot = max(now, nextSlot[host] ?? now)
        nextSlot[host] = slot + interval
        if slot > now { try? await Task.sleep(until: slot, clock: .continuous) }
    }
}
