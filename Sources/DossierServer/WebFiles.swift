import Foundation
import Hummingbird

/// The web page's files (HTML, CSS, JavaScript, SVG, and JSON data such as the map's country outlines), read once from the package's resources into memory and served by
/// name with their Content-Type. A name not among them is not found: nothing else on disk can be reached.
///
///     WebFiles.bundled["app.js"]?.contentType    // "text/javascript; charset=utf-8"
struct WebFiles: Sendable {
    /// One file and the Content-Type it is served with.
    struct File: Sendable, ResponseGenerator {
        let bytes: ByteBuffer
        let contentType: String

        func response(from request: Request, context: some RequestContext) throws -> Response {
            Response(status: .ok, headers: [.contentType: contentType, .cacheControl: "no-cache"], body: ResponseBody(byteBuffer: bytes))
        }
    }

    /// The Content-Type of each kind of file the page may hold, by the name's extension.
    static let contentTypes = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "svg": "image/svg+xml", "json": "application/json; charset=utf-8",
    ]

    /// The files in `Resources/web`. Their absence, or a file of a kind not in ``contentTypes``, stops the server at
    /// start: the package is broken.
    static let bundled: WebFiles = {
        do {
            guard let folder = Bundle.module.url(forResource: "web", withExtension: nil) else { throw WebFilesError.missing }
            return try WebFiles(folder: folder)
        } catch {
            fatalError("the web page's files cannot be read: \(error)")
        }
    }()

    let files: [String: File]

    /// The files directly inside `folder`.
    init(folder: URL) throws {
        var files: [String: File] = [:]
        for url in try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil) {
            guard let contentType = Self.contentTypes[url.pathExtension] else { throw WebFilesError.unknownKind(url.lastPathComponent) }
            files[url.lastPathComponent] = File(bytes: ByteBuffer(bytes: try Data(contentsOf: url)), contentType: contentType)
        }
        self.files = files
    }

    subscript(name: String) -> File? { files[name] }
}

/// Why the web page's files cannot be served.
enum WebFilesError: Error, CustomStringConvertible {
    case missing
    case unknownKind(String)

    var description: String {
        switch self {
        case .missing: "the package's resources have no web folder"
        case .unknownKind(let name): "\(name) is of no kind the server knows the Content-Type of"
        }
    }
}
