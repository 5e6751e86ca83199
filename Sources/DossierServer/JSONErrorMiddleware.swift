import Hummingbird

/// Answers every error as JSON `{"error": "…"}`: an ``APIError`` as itself, Hummingbird's own (no such route, a method
/// not allowed, a body too large) with their status, and anything else as 500 whose details go to the log, not the client.
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return try error.response(from: request, context: context)
        } catch let error as HTTPError {
            let message = error.body ?? "\(error.status.code) \(error.status.reasonPhrase): \(request.method) \(request.uri.path)"
            return try APIError(status: error.status, message: message).response(from: request, context: context)
        } catch let error as any HTTPResponseError {
            return try APIError(status: error.status, message: error.status.reasonPhrase).response(from: request, context: context)
        } catch {
            context.logger.error("\(request.method) \(request.uri.path): \(error)")
            return try APIError(status: .internalServerError, message: "internal error; the server's log has the details")
                .response(from: request, context: context)
        }
    }
}
