/**
 * The words the world is made of: small curated lists rather than a fake-data library.
 *
 * Why not @faker-js/faker: the world must stay byte-identical across versions of this package, and faker does
 * not promise that its seeded output stays the same across its own versions (a lockfile refresh would change
 * every mock answer); and one faker locale alone is larger in a browser bundle than this whole generator.
 * Lists kept here change only when this file does, which the CHANGELOG then says.
 *
 * Lists are strings split once, smaller in the bundle than arrays of literals: single words separated by spaces,
 * phrases by `|`, and the two halves of a pair (a question and its answer) by `=`.
 */

const words = (text: string): string[] => text.split(" ");
const items = (text: string): string[] => text.split("|");
const pairs = (text: string): [string, string][] => items(text).map((pair) => pair.split("=") as [string, string]);

export interface Culture {
  given: string[];
  family: string[];
  countries: string[];
  /** Free-mail domains people of this culture use, most common first. */
  domains: string[];
  /** The visitor's language, as a site would pass it (BCP 47). */
  language: string;
}

/** [given names, family names, countries, mail domains, language]. Gendered family names come as two cultures. */
const CULTURE_TABLE: [string, string, string, string, string][] = [
  [
    "James Olivia Liam Emma Noah Amelia Oliver Sophie Harry Grace Jack Chloe Ethan Ava Daniel Emily Thomas Charlotte",
    "Smith Johnson Williams Brown Taylor Wilson Davies Evans Walker Clarke Turner Hughes Parker Bennett Morgan Cooper",
    "United States|United Kingdom|Canada|Australia|Ireland",
    "gmail.com outlook.com yahoo.com icloud.com hotmail.co.uk",
    "en",
  ],
  [
    "José María Lucía Carlos Sofía Javier Valentina Diego Camila Alejandro Isabela Mateo Paula Andrés Daniela",
    "García Rodríguez Martínez López Hernández González Pérez Sánchez Ramírez Torres Flores Rivera Gómez Díaz Castillo",
    "Spain|Mexico|Argentina|Colombia|Chile",
    "gmail.com hotmail.es outlook.com yahoo.es",
    "es",
  ],
  [
    "Lukas Anna Jonas Lea Felix Hannah Maximilian Laura Paul Marie Leon Tobias Katharina Jan Johanna",
    "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Hoffmann Schäfer Koch Richter Wolf Neumann",
    "Germany|Austria|Switzerland",
    "gmx.de web.de gmail.com t-online.de posteo.de",
    "de",
  ],
  [
    "Louis Camille Hugo Chloé Théo Manon Jules Léa Antoine Inès Mathis Juliette Raphaël Élise",
    "Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Lefèvre Girard Fournier Rousseau",
    "France|Belgium|Canada",
    "gmail.com orange.fr free.fr laposte.net",
    "fr",
  ],
  [
    "Jonas Mantas Lukas Tomas Domantas Paulius Andrius Giedrius",
    "Kazlauskas Petrauskas Jankauskas Stankevičius Vasiliauskas Žukauskas Butkus Paulauskas",
    "Lithuania",
    "gmail.com inbox.lt one.lt",
    "lt",
  ],
  [
    "Eglė Rūta Gabija Ieva Austėja Greta Indrė Laura",
    "Kazlauskienė Petrauskienė Jankauskaitė Stankevičienė Vasiliauskaitė Žukauskienė Butkienė Paulauskaitė",
    "Lithuania",
    "gmail.com inbox.lt one.lt",
    "lt",
  ],
  [
    "Jakub Piotr Kacper Michał Mateusz Krzysztof Tomasz Łukasz",
    "Kowalski Nowak Wiśniewski Wójcik Kamiński Lewandowski Zieliński Szymański",
    "Poland",
    "wp.pl gmail.com o2.pl onet.pl interia.pl",
    "pl",
  ],
  [
    "Zuzanna Julia Maja Katarzyna Agnieszka Magdalena Aleksandra Natalia",
    "Kowalska Nowak Wiśniewska Wójcik Kamińska Lewandowska Zielińska Szymańska",
    "Poland",
    "wp.pl gmail.com o2.pl onet.pl interia.pl",
    "pl",
  ],
  [
    "Aarav Priya Rohan Ananya Arjun Diya Vikram Kavya Rahul Sneha Aditya Pooja Karthik Meera Siddharth Neha",
    "Sharma Patel Singh Kumar Gupta Reddy Iyer Nair Mehta Joshi Rao Desai Chatterjee Banerjee Verma Kapoor",
    "India",
    "gmail.com yahoo.co.in rediffmail.com outlook.com",
    "en-IN",
  ],
  [
    "Haruto Yui Sota Hina Ren Aoi Yuto Sakura Kaito Yuna Takumi Mio Daiki Rin",
    "Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida Yamada",
    "Japan",
    "gmail.com yahoo.co.jp icloud.com docomo.ne.jp",
    "ja",
  ],
  [
    "Wei Fang Jun Hao Mei Lei Xin Jing Yan Bo Ting Yi",
    "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu",
    "China|Singapore|Taiwan",
    "qq.com 163.com gmail.com outlook.com",
    "zh",
  ],
  [
    "Chinedu Ngozi Oluwaseun Amaka Emeka Funmilayo Tunde Chiamaka Ifeanyi Adaeze Babajide Folake",
    "Okafor Adeyemi Okonkwo Balogun Eze Nwosu Adebayo Okeke Ogunleye Chukwu Afolabi Obi",
    "Nigeria",
    "gmail.com yahoo.com outlook.com",
    "en-NG",
  ],
  [
    "Omar Fatima Ahmed Layla Youssef Mariam Khalid Nour Hassan Aisha Karim Salma Tariq Huda",
    "Haddad Mansour Khalil Nasser Saleh Hamdan Farouk Aziz Rahman Darwish Qasim Said",
    "Egypt|Jordan|United Arab Emirates|Morocco",
    "gmail.com hotmail.com yahoo.com outlook.com",
    "ar",
  ],
  [
    "João Ana Pedro Beatriz Gabriel Larissa Rafael Fernanda Gustavo Mariana Lucas Juliana Thiago",
    "Silva Santos Oliveira Souza Pereira Costa Ferreira Alves Ribeiro Carvalho Almeida Lima",
    "Brazil|Portugal",
    "gmail.com hotmail.com uol.com.br bol.com.br",
    "pt",
  ],
  [
    "Emre Elif Mehmet Zeynep Burak Ayşe Can Selin Murat Ece Kerem Defne",
    "Yılmaz Kaya Demir Şahin Çelik Yıldız Öztürk Aydın Arslan Doğan Koç Kurt",
    "Turkey",
    "gmail.com hotmail.com outlook.com yandex.com.tr",
    "tr",
  ],
  [
    "Minh Linh Anh Thảo Đức Hương Tuấn Mai Quang Trang",
    "Nguyễn Trần Lê Phạm Hoàng Phan Vũ Đặng Bùi Đỗ",
    "Vietnam",
    "gmail.com yahoo.com outlook.com",
    "vi",
  ],
];

export const CULTURES: Culture[] = CULTURE_TABLE.map(([given, family, countries, domains, language]) => ({
  given: words(given),
  family: words(family),
  countries: items(countries),
  domains: words(domains),
  language,
}));

/** Most visitors of an English-language site write in English: index 0 is drawn this much more often. */
export const FIRST_CULTURE_WEIGHT = 4;

/** Employers named in a user's `company` attribute; their mail domain is the name, squeezed, plus `.com`. */
export const COMPANIES = items(
  "Northwind Traders|Blue Harbor Logistics|Kestrel Labs|Lumen & Co|Baltic Amber Studio|Sakura Foods|" +
    "Nordlicht Energie|Copperleaf Design|Andes Outdoor|Pinecrest Dental|Riverbend Realty|Atlas Freight|" +
    "Greenfield Farms|Orbit Analytics|Tidewater Books|Marigold Bakery|Summit Legal|Helix Bio|" +
    "Cobalt Security|Foxglove Media|Vela Travel|Granite Works|Saffron Kitchen|Juniper Health",
);

export const PLANS = words("Free Starter Pro Business Enterprise");

/** The account that owns the world: the widget's site and the team's mail domain. */
export const SITES = words("brightloom.io quillstack.com parcelwise.com tallyhive.io meadowcart.com");

/** Where a visitor was last seen on the site. */
export const SITE_PATHS = items(
  "/|/pricing|/features|/features/live-chat|/features/reports|/signup|/login|/account/billing|/account/settings|" +
    "/contact|/blog/how-to-reduce-churn|/blog/pricing-explained|/blog/2026-product-update|/docs/getting-started|" +
    "/docs/api-keys|/docs/webhooks|/integrations/shopify|/integrations/wordpress|/integrations/slack|" +
    "/help/articles/invite-your-team|/help/articles/export-your-data|/help/articles/2fa-setup|" +
    "/checkout?plan=pro|/checkout?plan=business",
);
export const CAMPAIGNS = words("newsletter google twitter linkedin partner");

/** Names of the files visitors send, and of those operators send. */
export const USER_FILES = words(
  "screenshot.png IMG_2041.jpg invoice.pdf error-log.txt Screen_Recording.mov export.csv",
);
export const OPERATOR_FILES = words("setup-guide.pdf price-list.pdf invoice.pdf release-notes.pdf");

/** Conversation lines. `{name}` is the visitor's first name, or "there" for an anonymous visitor. */
export const LINES = {
  invitation: items(
    "Hi there 👋 Have a question? We're here to help.|Hello! Looking for something? Chat with us.|" +
      "Need help choosing a plan? Ask us anything.|Hi! Can we help you get started?",
  ),
  hello: items("Hi|Hello!|Hey there|Good morning|hi, quick question|Hello, anyone there?"),
  /** [question, answer] pairs by topic. */
  topics: pairs(
    "How much is the Pro plan per month?=" +
      "Pro is $49 a month, or $39 a month billed yearly. You can switch at any time.|" +
      "Is there a free trial?=" +
      "Yes, every plan comes with a 14-day free trial, no credit card needed.|" +
      "I was charged twice this month=" +
      "Sorry about that! I can see the duplicate charge and I've refunded it. It takes 3-5 days to show up.|" +
      "Can I get an invoice with our VAT number on it?=" +
      "Sure: add the VAT number under Account → Billing and every invoice will show it, past ones too.|" +
      "I can't log in, the password reset email never arrives=" +
      "I've just sent it again. Could you check your spam folder too?|" +
      "How do I add a teammate to my account?=" +
      "Go to Settings → Team and click Invite. They'll get an email with a link to join.|" +
      "Does it work with Shopify?=" +
      "It does! Install our app from the Shopify App Store and it connects in a couple of minutes.|" +
      "Do you have an API?=" +
      "Yes, there's a REST API. The docs are at /docs/api-keys, with examples in curl and Ruby.|" +
      "The widget doesn't load on Safari=" +
      "Thanks for reporting it. Which Safari version is that? Our engineers are looking at a fix.|" +
      "I get an error when I try to export my data=" +
      "That export limit was too low for big accounts. I've raised it for you: could you try again?|" +
      "Can I change the email address on my account?=" +
      "Yes, under Account → Profile. We'll send a confirmation link to the new address.|" +
      "How do I cancel my subscription?=" +
      "I'm sorry to see you go! You can cancel under Account → Billing; the plan stays active until the period ends.",
  ),
  greet: items(
    "Hi {name}, thanks for reaching out!|Hello {name}! How can I help you today?|Hi {name} 🙂|" +
      "Hey {name}, happy to help.",
  ),
  /** A visitor's follow-up and the operator's answer. */
  followUps: pairs(
    "Where can I find that?=Here's our guide: /docs/getting-started|" +
      "It still doesn't work=Could you refresh the page and try again?|" +
      "Is that included in my plan?=It's included in every paid plan.|" +
      "How long does that take?=Usually within a few minutes.|" +
      "Just tried again, same thing=I've passed this on to our engineers, we'll email you as soon as it's fixed.|" +
      "One more question=Sure, go ahead!|Let me check=Take your time.|Great, that worked!=Glad to hear it!|" +
      "Sorry, I was away for a minute=No problem!|I'll try that now=Sure, let me know how it goes.|" +
      "It only happens on my phone=Which browser are you using on it?",
  ),
  /** What makes an operator ask for a file. */
  fileReasons: items("Something still looks wrong|I see an error message|It shows the wrong amount"),
  askFile: items("Could you send me a screenshot?|Could you send me a screenshot or the file?"),
  userThanks: items("Thanks a lot!|Perfect, thank you|That's all, bye!|Thank you, have a nice day|great, thx"),
  operatorBye: items(
    "You're welcome! Have a great day.|Glad I could help, bye!|Anytime! Let us know if anything else comes up.",
  ),
  gotFile: items("Thanks, got it.|Thanks, that helps.|Got the file, looking at it now."),
};
