import DossierStore
import Hummingbird

/// A table answered in the form a request asks for: JSON (an array of objects), or RFC 4180 CSV sent as
/// `text/csv; charset=utf-8` and offered for download as `<name>.csv`.
struct TableBody: ResponseGenerator {
    static let csvContentType = "text/csv; charset=utf-8"

    let table: ResultTable
    let format: TableFormat
    /// The download's name, without `.csv`.
    let name: String

    func response(from request: Request, context: some RequestContext) throws -> Response {
        switch format {
        case .json:
            return try JSONBody(text: table.json()).response(from: request, context: context)
        case .csv:
            return Response(
                status: .ok,
                headers: [.contentType: Self.csvContentType, .contentDisposition: "attachment; filename=\"\(name).csv\""],
                body: ResponseBody(byteBuffer: ByteBuffer(string: table.csv())))
        }
    }
}
