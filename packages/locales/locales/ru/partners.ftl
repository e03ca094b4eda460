## Partners

partner-text =
    🤝 Ваша партнёрская ссылка:
    { $link }

    Переходов: { $clicks }
    Регистраций: { $signups }
    Платящих: { $payers }
partner-money = { $currency }: выручка { $revenue }, комиссия { $earned } (на удержании { $held }), выплачено { $paidOut }, к выплате { $due }
partner-terms = Вы получаете { $percent }% от оплат приведённых вами людей; комиссия доступна через { $days } дн. после каждой оплаты.
command-partner = Партнёрская программа
