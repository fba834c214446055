// The authoritative list is Appendix 2 to NBK Rules No. 203 of 31 Aug 2016 ("Rules for the application of
// codes of economic sectors and payment purposes"). This table is a replaceable subset: only codes whose
// meaning we could confirm (DOMAIN.md or real payment documents) are listed, because a wrong name shown at
// confirmation is worse than a missing code. Names are our wording of the meaning, not the official text.
// To extend it, add rows here (or replace the table from the NBK file); codes must be 3 ASCII digits.

extension KNP {
    /// Code → name pairs; `KNP.all` sorts them, so the order here only groups them for reading.
    static let dictionary: [(String, LocalizedName)] = pensionAndSocial + healthInsurance + transfersAndLoans + goodsAndServices + budget

    /// Group 0: pension and social payments (contributions go to the State Corporation "Government for Citizens").
    private static let pensionAndSocial: [(String, LocalizedName)] = [
        // DOMAIN.md: 010 OPV, 019 its penalty, 012 social contributions, 017 their penalty, 089 OPVR.
        ("010", name("Міндетті зейнетақы жарналары", "Обязательные пенсионные взносы", "Mandatory pension contributions (OPV)")),
        ("012", name("Әлеуметтік аударымдар", "Социальные отчисления", "Social contributions (SO)")),
        ("017", name("Әлеуметтік аударымдар бойынша өсімпұл", "Пеня по социальным отчислениям", "Penalty on social contributions")),
        (
            "019",
            name(
                "Міндетті зейнетақы жарналары бойынша өсімпұл",
                "Пеня по обязательным пенсионным взносам",
                "Penalty on mandatory pension contributions"
            )
        ),
        // Used by the State Social Insurance Fund for refunds it makes (seen in its reporting code).
        (
            "026",
            name(
                "Қате аударылған әлеуметтік аударымдарды қайтару",
                "Возврат ошибочно перечисленных социальных отчислений",
                "Refund of social contributions paid in error"
            )
        ),
        (
            "089",
            name(
                "Жұмыс берушінің міндетті зейнетақы жарналары",
                "Обязательные пенсионные взносы работодателя",
                "Employer's mandatory pension contributions (OPVR)"
            )
        ),
        (
            "094",
            name(
                "Әлеуметтік аударымдар бойынша қате аударылған өсімпұлды қайтару",
                "Возврат ошибочно перечисленной пени по социальным отчислениям",
                "Refund of a social-contribution penalty paid in error"
            )
        ),
        // Penalty on OPVR as configured in a Kazakh bank's budget-payment templates.
        (
            "098",
            name(
                "Жұмыс берушінің міндетті зейнетақы жарналары бойынша өсімпұл",
                "Пеня по обязательным пенсионным взносам работодателя",
                "Penalty on employer's mandatory pension contributions"
            )
        ),
    ]

    /// Compulsory social health insurance (ОСМС). DOMAIN.md: 121 employer, 122 employee; 123/124 their penalties
    /// as configured in a Kazakh bank's budget-payment templates.
    private static let healthInsurance: [(String, LocalizedName)] = [
        (
            "121",
            name(
                "Міндетті әлеуметтік медициналық сақтандыруға аударымдар",
                "Отчисления на обязательное социальное медицинское страхование",
                "Employer contributions to compulsory social health insurance (OOSMS)"
            )
        ),
        (
            "122",
            name(
                "Міндетті әлеуметтік медициналық сақтандыруға жарналар",
                "Взносы на обязательное социальное медицинское страхование",
                "Employee contributions to compulsory social health insurance (VOSMS)"
            )
        ),
        ("123", name("МӘМС-ке аударымдар бойынша өсімпұл", "Пеня по отчислениям на ОСМС", "Penalty on employer health-insurance contributions")),
        ("124", name("МӘМС-ке жарналар бойынша өсімпұл", "Пеня по взносам на ОСМС", "Penalty on employee health-insurance contributions")),
    ]

    /// Transfers (to cards, between own accounts), cash, deposits and loans.
    private static let transfersAndLoans: [(String, LocalizedName)] = [
        // DOMAIN.md: 119 transfer to a card.
        ("119", name("Төлем карточкасына ақша аудару", "Перевод денег на платёжную карточку", "Transfer to a payment card")),
        // A bank statement line "Снятие со вклада (КНП 322)".
        ("322", name("Салымды (депозитті) алу", "Изъятие вклада (депозита)", "Withdrawal of a deposit")),
        // DOMAIN.md: 332 for salary crediting comes from one bank's guide; *unconfirmed* as the general code.
        ("332", name("Жалақыны аудару", "Перечисление заработной платы", "Salary crediting")),
        // DOMAIN.md: 341 cash withdrawal.
        ("341", name("Қолма-қол ақша алу", "Снятие наличных денег", "Cash withdrawal")),
        // Statements: 342 between own accounts in one bank, 343 to the client's own account at another bank.
        (
            "342",
            name(
                "Бір банктегі өз шоттары арасында аудару",
                "Перевод собственных средств между своими счетами в банке",
                "Transfer between own accounts at the same bank"
            )
        ),
        (
            "343",
            name(
                "Меншікті қаражатты басқа банктегі өз шотына аудару",
                "Перевод собственных средств на свой счёт в другом банке",
                "Transfer of own funds to an own account at another bank"
            )
        ),
        // A bank's loan documents: 421 for terms up to 12 months, 423 above.
        ("421", name("Бір жылға дейінгі мерзімге қарыз беру", "Выдача займа сроком до одного года", "Loan issued for up to one year")),
        ("423", name("Бір жылдан астам мерзімге қарыз беру", "Выдача займа сроком более одного года", "Loan issued for more than one year")),
    ]

    /// Group 7 goods, group 8 services.
    private static let goodsAndServices: [(String, LocalizedName)] = [
        // DOMAIN.md: 710 goods.
        ("710", name("Тауарлар үшін төлем", "Оплата за товары", "Payment for goods")),
        // Invoices: 859 other services; 861 tuition (universities' payment details).
        ("859", name("Басқа қызметтер үшін төлем", "Оплата прочих услуг", "Payment for other services")),
        ("861", name("Білім беру қызметтері үшін төлем", "Оплата образовательных услуг", "Payment for education services")),
    ]

    /// Group 9: payments to the budget; the 6-digit KBK (e.g. 101201 for IPN) says which tax.
    private static let budget: [(String, LocalizedName)] = [
        // DOMAIN.md names 911 for IPN; banks use it with other KBKs too, so the name is the general one.
        (
            "911",
            name(
                "Салықтар және бюджетке төленетін басқа да міндетті төлемдер",
                "Налоги и другие обязательные платежи в бюджет",
                "Taxes and other obligatory payments to the budget"
            )
        ),
        (
            "912",
            name(
                "Салықтар және бюджетке төленетін міндетті төлемдер бойынша өсімпұл",
                "Пеня по налогам и обязательным платежам в бюджет",
                "Penalty on taxes and obligatory budget payments"
            )
        ),
        (
            "913",
            name(
                "Салықтар және бюджетке төленетін міндетті төлемдер бойынша айыппұлдар",
                "Штрафы по налогам и обязательным платежам в бюджет",
                "Fines on taxes and obligatory budget payments"
            )
        ),
    ]

    private static func name(_ kk: String, _ ru: String, _ en: String) -> LocalizedName {
        LocalizedName(kk: kk, ru: ru, en: en)
    }
}
