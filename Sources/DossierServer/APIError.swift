import Hummingbird

/// An error the API answers as `{"error": "…"}` with its status: a bad parameter, a record not found, a body too large.
struct APIError: HTTPResponseError {
    let status: HTTPResponse.Status
    let message: String
    /// Headers the answer carries besides the body's ("WWW-Authenticate" with a 401).
    var headers: HTTPFields = [:]

    /// A query parameter the route cannot use: "limit: must be a whole number from 1 to 1000, not 'ten'".
    static func badParameter(_ name: String, _ problem: String) -> APIError {
        APIError(status: .badRequest, message: "\(name): \(problem)")
    }

    /// No record has the key asked for: "no article has the id 'abc'".
    static func notFound(_ kind: String, id: String) -> APIError {
        APIError(status: .notFound, message: "no \(kind) has the id '\(id)'")
    }

    /// A request body over the server's limit.
    static func tooLarge(limit: Int) -> APIError {
        APIError(status: .contentTooLarge, message: "the request body is larger than \(limit) bytes (the server's --max-bytes)")
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = try JSONBody(status: status) { $0.field("error", message) }.response(from: request, context: context)
        for field in headers { response.headers.append(field) }
        return response
    }
}
