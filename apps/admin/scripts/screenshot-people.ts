// Who visits the demo shop of `npm run screenshots` (screenshot-seed.ts), on which day, and what
// they buy: names in Russian and English, Stars and rubles, a promo code here and there.

export type Buy = { day: number; product: string; currency: "XTR" | "RUB"; promo?: string };
export type Person = {
  first: string;
  last?: string;
  username?: string;
  lang: "ru" | "en";
  day: number;
  buys: Buy[];
};

const star = (day: number, product: string, promo?: string): Buy => ({
  day,
  product,
  currency: "XTR",
  promo,
});
const rub = (day: number, product: string, promo?: string): Buy => ({ day, product, currency: "RUB", promo });

/** Who comes when and what they buy; day 0 is four weeks ago. */
export const people: Person[] = [
  {
    first: "Анна",
    last: "Смирнова",
    username: "anna_sm",
    lang: "ru",
    day: 0,
    buys: [rub(0, "Club month"), star(9, "500 credits")],
  },
  {
    first: "Dmitry",
    last: "Volkov",
    username: "dvolkov",
    lang: "ru",
    day: 1,
    buys: [
      star(1, "100 credits"),
      rub(2, "Prompting course"),
      star(12, "100 credits"),
      star(24, "500 credits"),
    ],
  },
  {
    first: "Emily",
    last: "Carter",
    username: "emilyc",
    lang: "en",
    day: 2,
    buys: [rub(3, "Prompting course")],
  },
  {
    first: "Максим",
    last: "Орлов",
    username: "max_orlov",
    lang: "ru",
    day: 4,
    buys: [star(4, "Prompt pack"), rub(15, "500 credits", "SPRING20")],
  },
  {
    first: "Olga",
    last: "Petrova",
    username: "olga_p",
    lang: "ru",
    day: 5,
    buys: [rub(6, "Club month", "SPRING20")],
  },
  {
    first: "James",
    last: "Wilson",
    username: "jwilson",
    lang: "en",
    day: 7,
    buys: [star(7, "500 credits"), star(20, "100 credits", "WELCOME50")],
  },
  {
    first: "Екатерина",
    last: "Лебедева",
    username: "katya_leb",
    lang: "ru",
    day: 9,
    buys: [rub(10, "100 credits")],
  },
  { first: "Иван", last: "Соколов", lang: "ru", day: 11, buys: [rub(12, "Prompting course")] },
  {
    first: "Sofia",
    last: "Rossi",
    username: "sofiar",
    lang: "en",
    day: 13,
    buys: [star(13, "Prompt pack"), rub(14, "Prompting course"), rub(21, "Club month")],
  },
  {
    first: "Артём",
    last: "Кузнецов",
    username: "artem_k",
    lang: "ru",
    day: 16,
    buys: [rub(17, "100 credits", "SPRING20"), rub(24, "Prompting course")],
  },
  { first: "Liam", last: "Brown", username: "liamb", lang: "en", day: 18, buys: [star(18, "500 credits")] },
  {
    first: "Мария",
    last: "Новикова",
    username: "mnovikova",
    lang: "ru",
    day: 21,
    buys: [star(22, "100 credits", "WELCOME50"), star(26, "Prompt pack")],
  },
  { first: "Noah", last: "Kim", username: "noahk", lang: "en", day: 23, buys: [] },
  {
    first: "Полина",
    last: "Зайцева",
    username: "polina_z",
    lang: "ru",
    day: 25,
    buys: [rub(25, "Club month")],
  },
  { first: "Георгий", username: "gosha", lang: "ru", day: 27, buys: [star(27, "100 credits")] },
];
