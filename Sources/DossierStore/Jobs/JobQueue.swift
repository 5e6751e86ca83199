/// Ingest work shared by many workers, on one machine or many: each input a user enqueues (a file, a folder, a web
/// archive) is a job that one worker at a time claims and holds by a lease it renews. A worker that dies stops renewing;
/// once its lease runs out the job goes back to whoever claims next, and the articles it had stored are skipped by
/// content hash, so a retry repeats nothing. A job that fails or loses its worker ``maxAttempts`` times is parked as
/// failed with its error. Claims take `FOR UPDATE SKIP LOCKED` on PostgreSQL, so workers never wait on each other's
/// claims; SQLite's one writer at a time does the same on one machine.
///
///     let queue = JobQueue(store: store)
///     _ = try queue.enqueue([("crawl-00001.warc.gz", 1_073_741_824)])
///     if let job = try queue.claim(worker: "host:4242", lease: 60) { ...; try queue.finish(job, articles: 812) }
public struct JobQueue: Sendable {
    public let store: Store
    /// How many times a job is tried before it is parked as failed.
    public var maxAttempts = 3

    public init(store: Store) { self.store = store }

    /// One job as the queue holds it.
    public struct Job: Sendable, Equatable {
        public var id: Int
        public var input: String
        public var size: Int
        public var state: State
        public var worker: String?
        public var attempts: Int
        public var error: String?
        public var articles: Int?
        public var startedAt: String?
        public var finishedAt: String?
    }

    public enum State: String, Sendable, CaseIterable {
        case pending, running, done, failed
    }

    /// Records jobs for inputs not queued before; returns how many were new.
    public func enqueue(_ inputs: [(input: String, size: Int)]) throws -> Int {
        try Store.failing(store.name) {
            try store.database.write { session in
                let before = try count(session)
                try session.insert(
                    into: "ingest_jobs", columns: ["input", "size", "state", "attempts", "enqueued_at"],
                    rows: inputs.map {
                        [.text($0.input), .integer(Int64($0.size)), .text(State.pending.rawValue), .integer(0), .text(Store.timestamp())]
                    },
                    conflict: "ON CONFLICT (input) DO NOTHING")
                return try count(session) - before
            }
        }
    }

    /// Claims the oldest job no one holds (pending, or running on a lease that ran out) for `lease` seconds; nil when
    /// there is none. A job still running under `worker`'s own name comes first. Jobs whose lease ran out for the last
    /// allowed time are parked as failed first.
    public func claim(worker: String, lease: Int) throws -> Job? {
        try Store.failing(store.name) {
            try store.database.write { session in
                let now = Self.now(session.dialect)
                try session.execute(
                    """
                    UPDATE ingest_jobs SET state = 'failed', finished_at = ?,
                        error = 'its worker stopped renewing its lease \(maxAttempts) times (killed, or its machine gone)'
                    WHERE state = 'running' AND lease_until <= \(now) AND attempts >= ?
                    """, [.text(Store.timestamp()), .integer(Int64(maxAttempts))])
                let lock = session.dialect == .postgres ? "FOR UPDATE SKIP LOCKED" : ""
                // A job still running under this worker's own name is one it lost to a broken connection: it takes
                // it back first, and the attempt is not counted again.
                let rows = try session.rows(
                    """
                    UPDATE ingest_jobs SET lease_until = \(now) + ?, started_at = ?, error = NULL,
                        attempts = attempts + (CASE WHEN state = 'running' AND worker = ? THEN 0 ELSE 1 END), state = 'running', worker = ?
                    WHERE id = (SELECT id FROM ingest_jobs
                        WHERE (state = 'running' AND worker = ?) OR state = 'pending' OR (state = 'running' AND lease_until <= \(now))
                        ORDER BY (CASE WHEN worker = ? THEN 0 ELSE 1 END), id LIMIT 1 \(lock))
                    RETURNING \(Self.columns)
                    """,
                    [
                        .integer(Int64(lease)), .text(Store.timestamp()), .text(worker), .text(worker), .text(worker), .text(worker),
                    ])
                return rows.first.map(Self.job)
            }
        }
    }

    /// Extends the lease of a job the worker still holds; false when it holds it no more (its lease ran out and
    /// another worker claimed the job).
    public func renew(_ job: Job, worker: String, lease: Int) throws -> Bool {
        try Store.failing(store.name) {
            try store.database.write { session in
                let rows = try session.rows(
                    """
                    UPDATE ingest_jobs SET lease_until = \(Self.now(session.dialect)) + ?
                    WHERE id = ? AND worker = ? AND state = 'running' RETURNING id
                    """, [.integer(Int64(lease)), .integer(Int64(job.id)), .text(worker)])
                return !rows.isEmpty
            }
        }
    }

    /// Marks a job done with the number of articles its run added.
    public func finish(_ job: Job, articles: Int) throws {
        try Store.failing(store.name) {
            try store.database.write { session in
                try session.execute(
                    "UPDATE ingest_jobs SET state = 'done', articles = ?, finished_at = ?, lease_until = NULL WHERE id = ?",
                    [.integer(Int64(articles)), .text(Store.timestamp()), .integer(Int64(job.id))])
            }
        }
    }

    /// Puts a job that failed back in the queue, or parks it as failed after its last allowed attempt.
    public func fail(_ job: Job, error: String) throws {
        let state: State = job.attempts >= maxAttempts ? .failed : .pending
        try Store.failing(store.name) {
            try store.database.write { session in
                try session.execute(
                    "UPDATE ingest_jobs SET state = ?, error = ?, finished_at = ?, lease_until = NULL, worker = NULL WHERE id = ?",
                    [.text(state.rawValue), .text(error), .text(Store.timestamp()), .integer(Int64(job.id))])
            }
        }
    }

    /// Every job, oldest first.
    public func jobs() throws -> [Job] {
        try Store.failing(store.name) {
            try store.database.read { session in
                try session.rows("SELECT \(Self.columns) FROM ingest_jobs ORDER BY id", []).map(Self.job)
            }
        }
    }

    /// How many jobs are pending or running.
    public func unfinished() throws -> Int {
        try Store.failing(store.name) {
            try store.database.read { session in
                try session.rows("SELECT count(*) FROM ingest_jobs WHERE state IN ('pending', 'running')", []).first?.first?.int ?? 0
            }
        }
    }

    private func count(_ session: any SQLSession) throws -> Int {
        try session.rows("SELECT count(*) FROM ingest_jobs", []).first?.first?.int ?? 0
    }

    static let columns = "id, input, size, state, worker, attempts, error, articles, started_at, finished_at"

    static func job(_ row: [SQLValue]) -> Job {
        Job(
            id: row[0].int ?? 0, input: row[1].string ?? "", size: row[2].int ?? 0, state: State(rawValue: row[3].string ?? "") ?? .pending,
            worker: row[4].string, attempts: row[5].int ?? 0, error: row[6].string, articles: row[7].int, startedAt: row[8].string,
            finishedAt: row[9].string)
    }

    /// The server's clock in whole seconds since 1970, as SQL: every worker reads the same clock.
    static func now(_ dialect: SQLDialect) -> String {
        dialect == .postgres ? "CAST(extract(epoch FROM clock_timestamp()) AS BIGINT)" : "CAST(strftime('%s', 'now') AS INTEGER)"
    }
}
