/// Where the server listens and what it accepts.
public struct ServerOptions: Sendable {
    /// The address to bind: `127.0.0.1` serves this machine only.
    public var host: String
    /// The port to listen on; 0 lets the system choose one.
    public var port: Int
    /// The largest request body accepted, in bytes; a larger one is answered 413.
    public var maxBytes: Int
    /// The time one report posted to `/extract` may take (nil: no limit).
    public var reportBudget: Duration?
    /// The bearer token `POST /articles` asks for; nil: ingesting over HTTP is off.
    public var ingestToken: String?

    public init(
        host: String = "127.0.0.1", port: Int = 8080, maxBytes: Int = 5 << 20, reportBudget: Duration? = .seconds(30),
        ingestToken: String? = nil
    ) {
        self.host = host
        self.port = port
        self.maxBytes = maxBytes
        self.reportBudget = reportBudget
        self.ingestToken = ingestToken
    }
}
