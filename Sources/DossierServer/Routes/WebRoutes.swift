import Hummingbird

/// `GET /` and `GET /web/{name}`: the web page over the API, and its scripts and styles.
///
///     open http://localhost:8080/              the latest articles; #/events, #/network, #/map, #/paste
///     curl -s localhost:8080/web/app.js
struct WebRoutes: Sendable {
    let files: WebFiles

    /// The page that `/` serves.
    static let index = "index.html"

    func add(to router: Router<BasicRequestContext>) {
        router.get("/") { _, _ in try file(Self.index) }
        router.get("/web/{name}") { _, context in try file(context.pathParameter("name")) }
    }

    func file(_ name: String) throws -> WebFiles.File {
        guard let file = files[name] else { throw APIError.notFound("file", id: name) }
        return file
    }
}
