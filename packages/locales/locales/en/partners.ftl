## Partners

partner-text =
    🤝 Your partner link:
    { $link }

    Clicks: { $clicks }
    Sign-ups: { $signups }
    Paying users: { $payers }
partner-money = { $currency }: revenue { $revenue }, commission { $earned } (held { $held }), paid out { $paidOut }, due { $due }
partner-terms = You earn { $percent }% of what the people you bring pay; it becomes available { $days } days after each payment.
command-partner = Partner program
