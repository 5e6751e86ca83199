import Testing

@testable import DossierStore

/// The ingest job queue on SQLite (PostgreSQL runs the same checks): the claims, leases, take-overs and parking that
/// `dossier worker` relies on.
@Suite struct JobQueueTests {
    @Test func anInputIsQueuedOnceAndJobsAreClaimedOldestFirstByOneWorkerEach() throws {
        try JobQueueChecks.claims(try temporaryStore())
    }

    @Test func aJobWhoseLeaseRanOutGoesToTheNextWorkerAndTheOldOneCannotRenewIt() throws {
        try JobQueueChecks.takeOver(try temporaryStore())
    }

    @Test func aJobThatFailsOrLosesItsWorkerThreeTimesIsParkedWithItsError() throws {
        try JobQueueChecks.parking(try temporaryStore())
    }
}

/// The queue's checks, on any store.
enum JobQueueChecks {
    static func claims(_ store: Store) throws {
        let queue = JobQueue(store: store)
        #expect(try queue.enqueue([("a.jsonl", 10), ("b.warc.gz", 20)]) == 2)
        #expect(try queue.enqueue([("a.jsonl", 10), ("c", 0)]) == 1)
        let first = try #require(try queue.claim(worker: "w1", lease: 60))
        let second = try #require(try queue.claim(worker: "w2", lease: 60))
        #expect([first.input, second.input] == ["a.jsonl", "b.warc.gz"])
        #expect(first.state == .running && first.worker == "w1" && first.attempts == 1)
        #expect(try queue.claim(worker: "w3", lease: 60)?.input == "c")
        #expect(try queue.claim(worker: "w4", lease: 60) == nil)
        try queue.finish(first, articles: 7)
        #expect(try queue.jobs().map(\.state) == [.done, .running, .running])
        #expect(try queue.jobs().first?.articles == 7)
        #expect(try queue.unfinished() == 2)
    }

    static func takeOver(_ store: Store) throws {
        let queue = JobQueue(store: store)
        _ = try queue.enqueue([("a.jsonl", 10)])
        // A lease of no seconds has run out at once: the worker stopped renewing it.
        let lost = try #require(try queue.claim(worker: "w1", lease: 0))
        let taken = try #require(try queue.claim(worker: "w2", lease: 60))
        #expect(taken.id == lost.id && taken.attempts == 2 && taken.worker == "w2")
        #expect(try queue.renew(lost, worker: "w1", lease: 60) == false)
        #expect(try queue.renew(taken, worker: "w2", lease: 60))
        #expect(try queue.claim(worker: "w3", lease: 60) == nil)
        // A worker whose connection broke claims again: it takes its own job back at once, without a new attempt.
        let back = try #require(try queue.claim(worker: "w2", lease: 60))
        #expect(back.id == taken.id && back.attempts == 2 && back.worker == "w2")
    }

    static func parking(_ store: Store) throws {
        let queue = JobQueue(store: store)
        _ = try queue.enqueue([("bad.jsonl", 10), ("lost.jsonl", 10)])
        for attempt in 1...3 {
            let job = try #require(try queue.claim(worker: "w", lease: 60))
            #expect(job.input == "bad.jsonl" && job.attempts == attempt)
            try queue.fail(job, error: "the store refused it")
        }
        #expect(try queue.jobs()[0].state == .failed && queue.jobs()[0].error == "the store refused it")
        for worker in ["w1", "w2", "w3"] { _ = try queue.claim(worker: worker, lease: 0) }
        #expect(try queue.claim(worker: "w4", lease: 60) == nil)
        let parked = try queue.jobs()[1]
        #expect(parked.state == .failed && parked.error?.contains("stopped renewing its lease 3 times") == true)
        #expect(try queue.unfinished() == 0)
    }
}
