// Source of truth: the NBK directory of BICs and bank codes (Resolution No. 128 of 27 Oct 2020), published at
// nationalbank.kz. Each pair below was cross-checked against two copies of that directory; the ones marked
// "seen in IBANs" also against real account details. Banks are merged and renamed (Tsesnabank → Jusan →
// Alatau City Bank keeps TSESKZKA/998), so refresh this table from the NBK file rather than from memory.

extension BankDirectory {
    /// Second-tier banks, the National Bank and the budget/pension recipients that business payments reach.
    public static let kazakhstan = BankDirectory(entries: banks + stateRecipients)

    private static let banks: [Entry] = [
        // Seen in IBANs: 601, 722, 965, 856, 948, 551, 886, 914, 821, 832, 435.
        entry("HSBKKZKX", "601", "«Қазақстан Халық Банкі» АҚ", "АО «Народный Банк Казахстана»", "Halyk Bank of Kazakhstan JSC"),
        entry("CASPKZKA", "722", "«Kaspi Bank» АҚ", "АО «Kaspi Bank»", "Kaspi Bank JSC"),
        entry("IRTYKZKA", "965", "«ForteBank» АҚ", "АО «ForteBank»", "ForteBank JSC"),
        entry("KCJBKZKX", "856", "«Банк ЦентрКредит» АҚ", "АО «Банк ЦентрКредит»", "Bank CenterCredit JSC"),
        entry("EURIKZKA", "948", "«Еуразиялық банк» АҚ", "АО «Евразийский Банк»", "Eurasian Bank JSC"),
        entry("KSNVKZKA", "551", "«Фридом Банк Қазақстан» АҚ", "АО «Фридом Банк Казахстан»", "Freedom Bank Kazakhstan JSC"),
        entry("INLMKZKA", "886", "«Home Credit Bank» АҚ", "АО «Home Credit Bank»", "Home Credit Bank JSC"),
        entry("BRKEKZKA", "914", "«Bereke Bank» АҚ", "АО «Bereke Bank»", "Bereke Bank JSC"),
        entry("KINCKZKA", "821", "«Bank RBK» АҚ", "АО «Bank RBK»", "Bank RBK JSC"),
        entry("CITIKZKA", "832", "«Ситибанк Қазақстан» АҚ", "АО «Ситибанк Казахстан»", "Citibank Kazakhstan JSC"),
        entry("SHBKKZKA", "435", "«Шинхан Банк Қазақстан» АҚ", "АО «Шинхан Банк Казахстан»", "Shinhan Bank Kazakhstan JSC"),
        // Formerly Tsesnabank, then First Heartland Jusan Bank.
        entry("TSESKZKA", "998", "«Alatau City Bank» АҚ", "АО «Alatau City Bank»", "Alatau City Bank JSC"),
        entry("HCSKKZKA", "972", "«Отбасы банк» АҚ", "АО «Отбасы банк»", "Otbasy Bank JSC"),
        entry("NURSKZKX", "849", "«Нұрбанк» АҚ", "АО «Нурбанк»", "Nurbank JSC"),
        entry("VTBAKZKZ", "432", "«Банк ВТБ (Қазақстан)» АҚ ЕҰ", "ДО АО «Банк ВТБ (Казахстан)»", "VTB Bank (Kazakhstan) JSC"),
        entry("ATYNKZKA", "949", "«Altyn Bank» АҚ", "АО «Altyn Bank»", "Altyn Bank JSC"),
        entry("BKCHKZKA", "913", "«Қазақстандағы Қытай Банкі» ЕБ АҚ", "АО ДБ «Банк Китая в Казахстане»", "Bank of China Kazakhstan JSC"),
        entry(
            "ICBKKZKX",
            "930",
            "«Алматы қаласындағы Қытай сауда-өнеркәсіп банкі» АҚ",
            "АО «Торгово-промышленный Банк Китая в г. Алматы»",
            "Industrial and Commercial Bank of China (Almaty) JSC"
        ),
        entry("KPSTKZKA", "563", "«Қазпошта» АҚ", "АО «Казпочта»", "Kazpost JSC"),
    ]

    /// Payments to the budget go to the Treasury (DOMAIN.md: KKMFKZ2A); pension and social contributions
    /// (KNP 010, 012, 089, 121, 122) to the State Corporation "Government for Citizens".
    private static let stateRecipients: [Entry] = [
        entry("NBRKKZKX", "125", "Қазақстан Республикасының Ұлттық Банкі", "Национальный Банк Республики Казахстан", "National Bank of Kazakhstan"),
        Entry(
            bic: .treasury,
            ibanBankCode: "070",
            name: LocalizedName(
                kk: "ҚР Қаржы министрлігінің Мемлекеттік қазынашылық комитеті",
                ru: "Комитет государственного казначейства Министерства финансов РК",
                en: "Treasury Committee of the Ministry of Finance"
            )
        ),
        entry(
            "GCVPKZ2A",
            "009",
            "«Азаматтарға арналған үкімет» мемлекеттік корпорациясы",
            "Государственная корпорация «Правительство для граждан»",
            "State Corporation “Government for Citizens”"
        ),
    ]

    private static func entry(_ bic: String, _ bankCode: String, _ kk: String, _ ru: String, _ en: String) -> Entry {
        // Safe to force: the table is static and the tests decode every BIC in it.
        Entry(bic: try! BIC(bic), ibanBankCode: bankCode, name: LocalizedName(kk: kk, ru: ru, en: en))
    }
}
