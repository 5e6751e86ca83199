import DossierStore
import Hummingbird

/// `GET /export.gdelt`, `/export.plover`, `/export.csv`, `/export.jsonl`: every event of the store in the forms other
/// tools read, as `dossier export --format FORMAT` writes them, downloaded as `events.FORMAT`.
///
///     curl -s localhost:8080/export.gdelt > events.tsv
struct ExportRoutes: Sendable {
    let export: EventExport

    func add(to router: Router<BasicRequestContext>) {
        for format in EventExport.Format.allCases {
            router.get("/export.\(format.rawValue)") { _, _ in try response(format) }
        }
    }

    func response(_ format: EventExport.Format) throws -> Response {
        let (contentType, file) = Self.download(format)
        return Response(
            status: .ok,
            headers: [.contentType: contentType, .contentDisposition: "attachment; filename=\"\(file)\""],
            body: ResponseBody(byteBuffer: ByteBuffer(string: try export.text(format))))
    }

    /// The media type and file name of an export.
    static func download(_ format: EventExport.Format) -> (contentType: String, file: String) {
        switch format {
        case .gdelt: ("text/tab-separated-values; charset=utf-8", "events.tsv")
        case .plover: ("application/json; charset=utf-8", "events.plover.json")
        case .csv: (TableBody.csvContentType, "events.csv")
        case .jsonl: ("application/x-ndjson; charset=utf-8", "events.jsonl")
        }
    }
}
