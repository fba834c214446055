/// The one layout of the server's self-contained HTML pages (receipt, policy, data export, breach notice): the
/// doctype, the shared `<head>` (charset, viewport, the one stylesheet; no external assets, no script) and the
/// title repeated as the page's `<h1>`. The title is plain text and is escaped here; the body is markup that the
/// page has built with every value escaped (`HTMLText.escape`).
struct HTMLPage {
    /// Plain text: the `<title>` and the `<h1>`.
    var title: String
    /// The `lang` attribute of `<html>`.
    var language: Language
    /// Markup placed after the `<h1>`; every interpolated value in it must already be escaped.
    var body: String

    /// Mobile-first, print-friendly and small; the same for every page.
    static let stylesheet = """
        body{font-family:system-ui,sans-serif;max-width:50rem;margin:1rem auto;padding:0 1rem;line-height:1.5}\
        table{border-collapse:collapse;margin-bottom:1.5rem;font-size:.9rem}\
        th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
        """

    var html: String {
        let title = HTMLText.escape(title)
        return """
            <!doctype html>
            <html lang="\(HTMLText.escape(language.rawValue))"><head><meta charset="utf-8">\
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title)</title>
            <style>\(Self.stylesheet)</style>
            </head>
            <body><h1>\(title)</h1>
            \(body)
            </body></html>
            """
    }
}
