import Foundation

/// §2.3.3, issue 14: a device's name often carries its owner's name ("Асель's iPhone"), so it is stored sealed
/// with the system key in the `name` column (base64 after a prefix). A name written before sealing, or the
/// shredder's "—", is read as it is.
extension Device {
    static let sealedNamePrefix = "sealed:"

    func sealName(_ plain: String, cipher: PersonalDataCipher) throws {
        let sealed = try cipher.seal(plain, with: cipher.keys.systemData, context: nameContext(try requireID()))
        name = Self.sealedNamePrefix + sealed.base64EncodedString()
    }

    func openName(cipher: PersonalDataCipher) throws -> String {
        guard name.hasPrefix(Self.sealedNamePrefix), let data = Data(base64Encoded: String(name.dropFirst(Self.sealedNamePrefix.count))) else {
            return name
        }
        return try cipher.openString(data, with: cipher.keys.systemData, context: nameContext(try requireID()))
    }

    private func nameContext(_ id: UUID) -> PersonalDataCipher.Context {
        .init(table: "devices", column: "name", row: id)
    }
}
