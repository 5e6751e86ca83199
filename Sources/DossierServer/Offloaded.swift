import Dispatch

/// Runs blocking work (the pipeline over a report) on a Dispatch thread, so that it holds none of the few threads that
/// Swift's tasks share, and the server goes on answering while a long report is read.
///
///     let document = try await offloaded { try reader.read(article) }
func offloaded<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
    }
}
