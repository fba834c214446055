import Foundation

/// §2.3.6 origin-bound codes: every code SMS ends with `@<domain> #<code>`, so the phone offers the code only to the
/// bank's own app and site. `parse` reads that last line and refuses a code bound to another domain.
public enum OneTimeCode {
    public static func parse(_ sms: String, domain: String) -> String? {
        guard let line = sms.split(whereSeparator: \.isNewline).last.map(String.init)?.trimmingCharacters(in: .whitespaces),
            line.hasPrefix("@"), let hash = line.firstIndex(of: " ")
        else { return nil }
        let boundTo = line[line.index(after: line.startIndex)..<hash]
        let rest = line[line.index(after: hash)...]
        guard boundTo.lowercased() == domain.lowercased(), rest.hasPrefix("#") else { return nil }
        let code = String(rest.dropFirst())
        return code.count == 6 && code.allSatisfy { $0.isASCII && $0.isNumber } ? code : nil
    }
}
