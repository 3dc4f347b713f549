#include <doctest/doctest.h>

#include <fstream>
#include <string>
#include <vector>

#include <simdjson.h>

#include "hark/classify.hpp"

namespace {

// The first cue of `label`, or an empty cue when there is none.
hark::Cue first_cue(std::string_view text, std::string_view lang, hark::Label label) {
  for (const hark::Cue& c : hark::find_cues(text, lang))
    if (c.label == label) return c;
  return {};
}

// Whether any cue points to `label`.
bool has_cue(std::string_view text, std::string_view lang, hark::Label label) {
  return !first_cue(text, lang, label).cue.empty();
}

// A text in its language, the class it must come out as, and optionally the cue of that
// class that must come first, as written.
struct Case {
  std::string text;
  std::string lang;
  hark::Label label;
  std::string cue = {};
};

void check_cases(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(hark::analyze(c.text, c.lang).label == c.label);
    if (!c.cue.empty()) CHECK(first_cue(c.text, c.lang, c.label).cue == c.cue);
  }
}

// Reads a labeled JSON-lines file; returns how many the built-in classifier gets right, and
// how many there are. With `drop_lang` the classifier must detect the language itself.
std::pair<int, int> score_file(const std::string& path, bool drop_lang = false) {
  std::ifstream in(path);
  REQUIRE(in.good());
  simdjson::dom::parser parser;
  std::string line;
  int right = 0, total = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    simdjson::dom::object o = parser.parse(line).get_object();
    const std::string_view text = o["text"].get_string();
    const std::string_view lang = o["lang"].get_string();
    const std::string_view label = o["label"].get_string();
    const hark::Analysis a = hark::analyze(text, drop_lang ? std::string_view() : lang);
    ++total;
    right += hark::label_name(a.label) == label;
  }
  return {right, total};
}

}  // namespace

TEST_CASE("labels have names and back") {
  for (std::size_t i = 0; i < hark::kLabels; ++i) {
    const auto l = static_cast<hark::Label>(i);
    CHECK(hark::label_from_name(hark::label_name(l)) == l);
  }
  CHECK(hark::label_name(hark::Label::expert_tip) == "expert-tip");
  CHECK_FALSE(hark::label_from_name("tip").has_value());
}

TEST_CASE("a cue reports its class, text and byte span") {
  const hark::Cue c = first_cue("Mijn modem werkt niet sinds gisteren", "nl", hark::Label::complaint);
  CHECK(c.cue == "werkt niet");
  CHECK(c.begin == 11);
  CHECK(c.end == 21);
}

TEST_CASE("matching folds case and accents but spans keep the original bytes") {
  const std::string text = "Servizio PÉSSIMO, davvero";
  const hark::Cue c = first_cue(text, "it", hark::Label::complaint);
  CHECK(c.cue == "PÉSSIMO");
  CHECK(text.substr(c.begin, c.end - c.begin) == "PÉSSIMO");
}

TEST_CASE("negation turns polarity within its clause") {
  CHECK(first_cue("the food was not bad at all", "en", hark::Label::praise).cue == "not bad");
  CHECK(first_cue("het eten was niet slecht", "nl", hark::Label::praise).cue == "niet slecht");
  CHECK(first_cue("la cena non era male", "it", hark::Label::praise).cue == "non era male");
  // The negation is spent on the cue it turns, and is no complaint cue of its own then.
  const std::vector<hark::Cue> cues = hark::find_cues("the room was not clean", "en");
  REQUIRE(cues.size() == 1);
  CHECK(cues[0].label == hark::Label::complaint);
  CHECK(cues[0].cue == "not clean");
  // A comma ends the negation's reach.
  CHECK(first_cue("not today, great service", "en", hark::Label::praise).cue == "great");
}

TEST_CASE("a negation inside a complaint cue does not turn the cues after it") {
  // "still not" / "toujours pas" already say what is missing; what follows stays a complaint.
  for (const auto& [text, lang] : std::vector<std::pair<std::string, std::string>>{
           {"Still not received my order", "en"},
           {"Nog steeds niet geleverd, al weken wachten", "nl"},
           {"Toujours pas reçu mon colis", "fr"},
           {"Sigo sin internet desde ayer", "es"},
           {"Ancora niente rimborso da settimane", "it"},
           // The negation word is a cue's first word too: it starts where the cue starts.
           {"It doesn't work anymore", "en"},
           {"Non funziona ancora, sempre in attesa", "it"},
       }) {
    CAPTURE(text);
    const std::vector<hark::Cue> cues = hark::find_cues(text, lang);
    REQUIRE(cues.size() >= 2);
    for (const hark::Cue& c : cues) CHECK(c.label == hark::Label::complaint);
    CHECK(hark::analyze(text, lang).label == hark::Label::complaint);
  }
  // Nor is a complaint cue that holds its own negation turned by an earlier one.
  const std::vector<hark::Cue> cues = hark::find_cues("Er is geen kaart, en zelfs geen menu", "nl");
  for (const hark::Cue& c : cues) CHECK(c.label == hark::Label::complaint);
  // A negation on its own still turns what it reaches, both ways.
  CHECK(first_cue("still not good enough", "en", hark::Label::complaint).cue == "still not");
  CHECK(first_cue("pas mal du tout", "fr", hark::Label::praise).cue == "pas mal");
  // "gar nicht" negates like "not at all"; only set phrases with it are complaints.
  CHECK(hark::analyze("Gar nicht schlecht, eigentlich richtig gut", "de").label == hark::Label::praise);
  CHECK(first_cue("Das geht gar nicht!", "de", hark::Label::complaint).cue == "geht gar nicht");
  CHECK(hark::analyze("Die App funktioniert überhaupt nicht", "de").label == hark::Label::complaint);
}

TEST_CASE("demands for money back, compensation or cancelling are complaints in each language") {
  using L = hark::Label;
  check_cases({
      {"I am canceling my subscription after this", "en", L::complaint, "canceling my"},
      {"Ik eis een schadevergoeding voor de gemiste dagen", "nl", L::complaint, "Ik eis"},
      {"Ich verlange eine Entschädigung für den Ausfall", "de", L::complaint, "Ich verlange"},
      {"Pretendo un risarcimento per il disservizio", "it", L::complaint, "Pretendo"},
      {"Je veux être remboursée de ces deux mois", "fr", L::complaint, "remboursée"},
      {"Quiero cancelar el contrato y que me devuelvan el dinero", "es", L::complaint, "cancelar"},
  });
}

TEST_CASE("asking how to cancel or get money back is a question, not a demand, in each language") {
  using L = hark::Label;
  check_cases({
      {"How do I cancel my subscription?", "en", L::question, "How do I"},
      {"Hoe kan ik mijn abonnement opzeggen?", "nl", L::question, "Hoe kan ik"},
      {"Wie kann ich mein Abo kündigen?", "de", L::question},
      {"Come faccio a disdire l'abbonamento?", "it", L::question, "Come faccio"},
      {"Comment puis-je annuler mon abonnement ?", "fr", L::question},
      {"¿Cómo puedo cancelar mi suscripción?", "es", L::question},
      // The writer asks how someone else can do it, or is exasperated: a complaint.
      {"How can you charge me twice for the same order?", "en", L::complaint},
      {"How can you cancel my flight without telling me?", "en", L::complaint},
      {"How do I cancel this useless subscription?!", "en", L::complaint},
      // Asking whether anyone knows of an outage asks; the outage is what is asked about.
      {"Weet iemand of er een storing is bij de provider", "nl", L::question, "Weet iemand"},
      {"Does anyone know if there is an outage in Leeds?", "en", L::question},
      {"Weiß jemand, ob es eine Störung gibt?", "de", L::question},
      {"Qualcuno sa se c'è un guasto sulla linea?", "it", L::question},
      // A how-to question in one sentence leaves the demand of another as it is.
      {"I want a refund and I will cancel my contract. How do I reach you?", "en", L::complaint},
  });
}

TEST_CASE("a '#' in a lexicon phrase matches any number, in digits or in words") {
  using L = hark::Label;
  check_cases({
      {"Mijn pakket staat al 5 dagen stil", "nl", L::complaint, "al 5 dagen"},
      {"Mijn pakket staat al vijf dagen stil", "nl", L::complaint, "al vijf dagen"},
      {"Seit drei Wochen keine Erstattung", "de", L::complaint, "Seit drei Wochen"},
      {"Da 10 giorni nessuna risposta", "it", L::complaint, "Da 10 giorni"},
      {"Depuis deux semaines, rien", "fr", L::complaint, "Depuis deux semaines"},
      {"Llevo tres semanas esperando el reembolso", "es", L::complaint, "Llevo tres semanas"},
      {"It's been 4 days and my order hasn't shipped", "en", L::complaint, "been 4 days"},
  });
  // A word that is no number does not stand in for one.
  CHECK(first_cue("al veel dagen", "nl", L::complaint).cue != "al veel dagen");
}

TEST_CASE("nothing happening, things gone and nobody helping are complaints in each language") {
  using L = hark::Label;
  check_cases({
      {"Mijn pakket staat al dagen stil en er gebeurt niks", "nl", L::complaint},
      {"Mein Paket ist verschwunden und keiner hilft mir", "de", L::complaint},
      {"Il pacco è sparito e nessuno mi aiuta", "it", L::complaint},
      {"Mon colis a disparu et personne ne m'aide", "fr", L::complaint},
      {"Mi paquete ha desaparecido y nadie me ayuda", "es", L::complaint},
  });
}

TEST_CASE("wondering, and asking for a way, are questions, and telling what one just did is no advice") {
  using L = hark::Label;
  check_cases({
      {"I was wondering if you ship to Canada.", "en", L::question, "I was wondering if"},
      {"C'è un modo per cambiare la data di consegna", "it", L::question, "C'è un modo"},
      {"Y a-t-il un moyen de changer la date de livraison", "fr", L::question},
      {"Just watched the match with my brother at the pub.", "en", L::other},
      {"Complimenti al servizio clienti, bravissimi.", "it", L::praise},
  });
  CHECK(hark::analyze("If the app freezes, force close it and clear the cache.", "en").label == L::expert_tip);
  // "Just" opening an instruction is still one.
  CHECK(hark::analyze("Just ask for a room at the back, it is much quieter", "en").label == L::expert_tip);
}

TEST_CASE("'Wer ..., sollte ...' and what made it work again are German advice") {
  using L = hark::Label;
  check_cases({
      {"Wer nach Berlin fährt, sollte unbedingt die Museumsinsel besuchen.", "de", L::expert_tip},
      {"Einfach den Router kurz vom Strom nehmen, dann geht es wieder.", "de", L::expert_tip},
  });
  // "Wer" asking is still a question.
  CHECK(hark::analyze("Wer kann mir sagen, wann der nächste Zug fährt?", "de").label == L::question);
}

TEST_CASE("a fix and what it brings back is advice in each language, and so are the usual fixes") {
  using L = hark::Label;
  check_cases({
      {"Unplug it for ten seconds, then it works again.", "en", L::expert_tip},
      {"Router kurz vom Strom nehmen, dann läuft es wieder.", "de", L::expert_tip, "dann läuft es wieder"},
      {"Cache leeren, danach funktioniert es wieder.", "de", L::expert_tip},
      {"Even de stekker eruit, daarna werkt alles weer.", "nl", L::expert_tip},
      {"Log opnieuw in, dan doet hij het weer.", "nl", L::expert_tip},
      {"Spegni e riaccendi il modem, poi funziona di nuovo.", "it", L::expert_tip},
      {"Svuota la cache e torna a funzionare.", "it", L::expert_tip, "Svuota"},
      {"Videz le cache, ensuite ça refonctionne.", "fr", L::expert_tip},
      {"Borra la caché y ya funciona.", "es", L::expert_tip, "Borra"},
      // What stopped working again is no fix.
      {"Die App läuft schon wieder nicht.", "de", L::complaint},
      {"Het werkt weer niet.", "nl", L::complaint},
  });
}

TEST_CASE("German and Dutch instructions in the infinitive are advice, the same verbs after a subject or modal are not") {
  using L = hark::Label;
  check_cases({
      {"Vorher online reservieren, das spart Zeit.", "de", L::expert_tip, "reservieren"},
      {"Wenn die App hängt, einfach neu installieren.", "de", L::expert_tip, "installieren"},
      {"Router kurz vom Strom nehmen und neu starten.", "de", L::expert_tip, "neu starten"},
      {"Einfach den Cache leeren 👍", "de", L::expert_tip, "leeren"},
      {"Gewoon de app opnieuw installeren, dan werkt het weer.", "nl", L::expert_tip, "installeren"},
      {"Op zaterdag altijd vooraf reserveren!", "nl", L::expert_tip, "reserveren"},
      {"Even je cache legen.", "nl", L::expert_tip},
      // a subject, a modal, "zu"/"te", a question, or what one means to do oneself
      {"Wir wollten reservieren, aber niemand ging ans Telefon.", "de", L::complaint},
      {"Der Zug kann nicht starten.", "de", L::complaint},
      {"Morgen wollen wir das neue Café ausprobieren.", "de", L::other},
      {"Kann man hier reservieren?", "de", L::question},
      {"Vorher reservieren?", "de", L::question},
      {"Ik kon niet inloggen, al drie dagen niet.", "nl", L::complaint},
      {"Wij gaan morgen reserveren.", "nl", L::other},
      {"Die maar eens uitproberen.", "nl", L::other},
  });
  CHECK_FALSE(has_cue("Absolut nicht zu empfehlen.", "de", L::expert_tip));
  CHECK_FALSE(has_cue("Wir wollten reservieren, aber niemand ging ans Telefon.", "de", L::expert_tip));
  CHECK_FALSE(has_cue("Wij gaan morgen reserveren.", "nl", L::expert_tip));
}

TEST_CASE("an instruction after a fronted purpose is advice, a problem solved is thanks, asking to be told asks") {
  using L = hark::Label;
  check_cases({
      {"To avoid the queue, book your tickets online.", "en", L::expert_tip, "book"},
      {"Um Zeit zu sparen, nimm den Expresszug.", "de", L::expert_tip, "nimm"},
      {"Per evitare la coda, prenotate online.", "it", L::expert_tip},
      {"Pour éviter l'attente, passez par le chat plutôt que par le téléphone.", "fr", L::expert_tip, "passez par"},
      {"Para evitar colas, comprad las entradas por internet.", "es", L::expert_tip, "comprad"},
      // A purpose with no instruction after it changes nothing.
      {"To whoever runs this account, my order is still missing.", "en", L::complaint},
      {"Per il resto, tutto come sempre.", "it", L::other},
      {"La connexion coupe toutes les cinq minutes depuis hier.", "fr", L::complaint},
      {"Servizio clienti gentilissimo, problema risolto in cinque minuti.", "it", L::praise},
      // Asking politely to be told asks.
      {"Graag hoor ik wanneer mijn geld wordt teruggestort.", "nl", L::question, "Graag hoor ik"},
      {"Bitte um Info, wann die Strecke wieder frei ist.", "de", L::question, "Bitte um Info"},
  });
}

TEST_CASE("a question answered at once by 'then' advice is a tip in each language") {
  using L = hark::Label;
  check_cases({
      {"Want a quiet room? Then ask for one at the back.", "en", L::expert_tip, "Then"},
      {"Wil je rust? Vraag dan om een kamer aan de achterkant.", "nl", L::expert_tip},
      {"Wil je rust? Dan moet je een kamer aan de achterkant vragen.", "nl", L::expert_tip, "Dan"},
      {"Ruhe gesucht? Dann nimm ein Zimmer nach hinten raus.", "de", L::expert_tip},
      {"Volete risparmiare? Allora prenotate in anticipo.", "it", L::expert_tip},
      {"Vous voulez du calme ? Alors demandez une chambre côté cour.", "fr", L::expert_tip},
      {"¿Quieres tranquilidad? Entonces pide una habitación interior.", "es", L::expert_tip},
      // A "then" that asks again is no advice.
      {"Is it fixed now? Then why was I charged twice?", "en", L::complaint},
  });
}

TEST_CASE("an instruction may open the main clause after a condition, in each language") {
  using L = hark::Label;
  check_cases({
      {"If you go in summer, ask for a room with a sea view.", "en", L::expert_tip},
      {"Als je in de zomer gaat, vraag om een kamer met uitzicht.", "nl", L::expert_tip, "Als je"},
      {"Wenn ihr im Sommer fahrt, nehmt ein Zimmer mit Meerblick.", "de", L::expert_tip},
      {"Se andate d'estate, chiedete una camera vista mare.", "it", L::expert_tip},
      {"Si vous y allez l'été, demandez une chambre avec vue.", "fr", L::expert_tip},
      {"Si vais en verano, pedid una habitación con vistas al mar.", "es", L::expert_tip},
      {"Mejor pedir desde la app, el envío es gratis.", "es", L::expert_tip},
      {"Alguien ha probado el nuevo menú", "es", L::question},
  });
  CHECK(first_cue("Wenn ihr im Sommer fahrt, nehmt ein Zimmer mit Meerblick.", "de", L::expert_tip).cue == "Wenn ihr");
  CHECK(has_cue("Si vais en verano, pedid una habitación con vistas al mar.", "es", L::expert_tip));
  // Only instructions: a verb-first question cue does not match there ("is" after a Dutch condition).
  CHECK_FALSE(has_cue("Als je morgen gaat, is het er rustig.", "nl", L::question));
  // And not after a comma without a condition before it.
  CHECK_FALSE(has_cue("Het eten was goed, vraag is of het blijft.", "nl", L::expert_tip));
}

TEST_CASE("asking for help or for a check in so many words is a question in each language") {
  using L = hark::Label;
  check_cases({
      {"@AcmeHelp I need help resetting my password", "en", L::question, "I need help"},
      {"@AcmeHelp could you check the status of my refund please", "en", L::question},
      {"@AcmeHelp please advise how to update my billing address", "en", L::question},
      {"@Acme ik heb hulp nodig met mijn wachtwoord", "nl", L::question},
      {"@Acme ich brauche Hilfe mit meinem Passwort", "de", L::question},
      {"@Acme ho bisogno di aiuto con la password", "it", L::question},
      {"@Acme j'ai besoin d'aide avec mon mot de passe", "fr", L::question},
      {"@Acme necesito ayuda con mi contraseña", "es", L::question},
  });
}

TEST_CASE("the umpteenth time is a complaint in each language") {
  using L = hark::Label;
  check_cases({
      {"@Trenitalia ennesimo ritardo, ma quando vi deciderete a fare qualcosa?", "it", L::complaint, "ennesimo"},
      {"De zoveelste storing deze maand", "nl", L::complaint, "zoveelste"},
      {"Zum x-ten Mal fällt der Zug aus", "de", L::complaint, "Zum x-ten Mal"},
      {"The umpteenth delay this week", "en", L::complaint, "umpteenth"},
      {"Énième retard ce matin", "fr", L::complaint},
      {"Enésimo retraso del tren", "es", L::complaint},
  });
}

TEST_CASE("what was nowhere to be found is a complaint in each language") {
  using L = hark::Label;
  check_cases({
      {"Staff were nowhere to be found all evening", "en", L::complaint, "nowhere to be found"},
      {"Service was ver te zoeken die avond", "nl", L::complaint, "ver te zoeken"},
      {"Vom Personal war weit und breit nichts zu sehen", "de", L::complaint, "weit und breit"},
      {"Del cameriere neanche l'ombra per mezz'ora", "it", L::complaint, "neanche l'ombra"},
      {"Le soir, la direction était aux abonnés absents", "fr", L::complaint, "aux abonnés absents"},
      {"La limpieza brilla por su ausencia", "es", L::complaint, "brilla por su ausencia"},
  });
}

TEST_CASE("a negated doubt is certainty and turns nothing") {
  using L = hark::Label;
  const std::vector<Case> cases = {
      {"No doubt the best pizza in town", "en", L::praise},
      {"Zonder twijfel de beste pizza van de stad", "nl", L::praise},
      {"Ohne Zweifel die beste Pizza der Stadt", "de", L::praise},
      {"Senza ombra di dubbio la migliore pizza della città", "it", L::praise},
      {"Sans aucun doute la meilleure pizza de la ville", "fr", L::praise},
      {"Sin lugar a dudas la mejor pizza de la ciudad", "es", L::praise},
      {"Sin duda el mejor restaurante del barrio", "es", L::praise},
  };
  check_cases(cases);
  for (const Case& c : cases) CHECK_FALSE(has_cue(c.text, c.lang, L::complaint));
  // A negation of anything else still turns what it reaches.
  CHECK(first_cue("no good pizza in town", "en", L::complaint).cue == "no good");
}

TEST_CASE("apps that crash or serve no purpose, and double charges, are complaints in French and Spanish") {
  using L = hark::Label;
  check_cases({
      {"L'appli plante à chaque fois que j'essaie de payer, inutilisable", "fr", L::complaint},
      {"On m'a facturé deux fois le même mois", "fr", L::complaint},
      {"La app se cierra cada vez que intento pagar, es inservible", "es", L::complaint},
      {"Esta tarjeta no sirve para nada", "es", L::complaint},
  });
  // A plant in the lobby is no crash.
  CHECK_FALSE(has_cue("Une belle plante verte dans le hall", "fr", L::complaint));
}

TEST_CASE("asking how long, calling every time, and what helped, in each language") {
  using L = hark::Label;
  check_cases({
      // "How long does it take" asks, with or without a question mark.
      {"How long does it take before my new card arrives", "en", L::question},
      {"Hoe lang duurt het voordat mijn nieuwe pas binnen is", "nl", L::question},
      {"Wie lange dauert es, bis meine neue Karte kommt", "de", L::question},
      {"Quanto tempo ci vuole per ricevere la nuova carta", "it", L::question},
      {"Combien de temps faut-il pour recevoir la nouvelle carte", "fr", L::question},
      {"Cuánto tarda en llegar la nueva tarjeta", "es", L::question},
      // A different answer every time.
      {"Ho chiamato tre volte e ogni volta mi dicono una cosa diversa", "it", L::complaint},
      {"J'ai appelé trois fois et à chaque fois on me dit autre chose", "fr", L::complaint},
      {"He llamado tres veces y cada vez me dicen una cosa distinta", "es", L::complaint},
      // What worked for the writer is advice to others.
      {"Wat bij mij hielp was de stekker er tien seconden uit halen", "nl", L::expert_tip},
  });
  // "cada vez" alone is "more and more", no complaint.
  CHECK_FALSE(has_cue("El servicio es cada vez mejor", "es", L::complaint));
}

TEST_CASE("praise answered at once by 'another' or 'again' and a complaint is sarcasm") {
  using L = hark::Label;
  check_cases({
      {"Oh great, another outage. Just perfect.", "en", L::complaint},
      {"Geweldig hoor, weer vertraging. Echt top.", "nl", L::complaint},
      {"Na super, wieder Verspätung. Echt toll.", "de", L::complaint},
      {"Ma bravi, un altro ritardo. Complimenti davvero.", "it", L::complaint},
      {"Bravo, encore un retard. Vraiment génial.", "fr", L::complaint},
      {"Genial, otro retraso. Muy bien hecho.", "es", L::complaint},
      // Without a complaint after it, a repeat is sincere.
      {"Super, wieder ein toller Aufenthalt", "de", L::praise},
      // Coming back is praise, though "again" and "wieder" alone are complaint evidence.
      {"10/10 would stay again", "en", L::praise},
      {"Klare Empfehlung, wir kommen wieder", "de", L::praise},
      // "How nice" first, and praise said on its own with the "again" later in the sentence.
      {"Ma che bello, di nuovo un'ora di ritardo.", "it", L::complaint},
      {"Oh great, my train is cancelled again. Love it.", "en", L::complaint},
      {"Great, the hotel upgraded us again, thanks!", "en", L::praise},
  });
  // The "again" itself is no complaint the praise could mock.
  CHECK(first_cue("Great, the hotel upgraded us again, thanks!", "en", L::praise).cue == "Great");
}

TEST_CASE("could not be more is the most there is, and worth every cent is praise") {
  using L = hark::Label;
  check_cases({
      {"Couldn't be more disappointed with the service.", "en", L::complaint},
      {"The staff could not have been more helpful.", "en", L::praise},
      {"Nicht billig, aber jeden Cent wert.", "de", L::praise},
      {"Non economico, ma vale ogni centesimo.", "it", L::praise},
      {"Pas donné, mais vaut chaque centime.", "fr", L::praise},
      {"No es barato, pero vale cada céntimo.", "es", L::praise},
      // A recommendation is praise, also to those who like something; comfortable is praise.
      {"Een echte aanrader voor wie van vis houdt.", "nl", L::praise},
      {"Sehr bequeme Sitze im neuen ICE.", "de", L::praise},
      // Sooner than promised.
      {"Fastest delivery ever, ordered last night and it's here already.", "en", L::praise},
  });
  // "not more" without "could" is still a negation.
  CHECK(hark::analyze("not more helpful than before", "en").label != L::praise);
}

TEST_CASE("greetings, season's wishes and a bare thanks are chatter, thanks for a fix is praise") {
  using L = hark::Label;
  check_cases({
      {"Good morning everyone!", "en", L::other},
      {"Fijne feestdagen!", "nl", L::other},
      {"Frohe Weihnachten und einen guten Rutsch!", "de", L::other},
      {"Buongiorno a tutti!", "it", L::other},
      {"Bonne année à tous nos clients", "fr", L::other},
      {"¡Buenos días a todos!", "es", L::other},
      {"ok thanks", "en", L::other},
      {"Thanks for sorting out my bill so quickly", "en", L::praise},
      {"Grazie per aver risolto subito il mio problema", "it", L::praise},
      {"Merci d'avoir réglé mon problème si vite", "fr", L::praise},
      // "buon*" is still praise elsewhere.
      {"Cibo buonissimo e personale gentile", "it", L::praise},
  });
}

TEST_CASE("a heads-up to others is advice in each language") {
  using L = hark::Label;
  check_cases({
      {"Heads up: the discount only applies to online orders", "en", L::expert_tip},
      {"Let op: de korting geldt alleen als je online bestelt", "nl", L::expert_tip},
      {"Achtung: Der Rabatt gilt nur bei Online-Bestellung", "de", L::expert_tip},
      {"Attenzione: lo sconto vale solo per gli ordini online", "it", L::expert_tip},
      {"Attention : la réduction n'est valable que pour les commandes en ligne", "fr", L::expert_tip},
      {"Ojo: el descuento solo vale para pedidos online", "es", L::expert_tip},
  });
}

TEST_CASE("a reminder for what was paid, a wrong address, a visit that never came, in each language") {
  using L = hark::Label;
  check_cases({
      {"Ich habe eine Mahnung bekommen, obwohl ich längst bezahlt habe", "de", L::complaint},
      {"Mi è arrivato un sollecito anche se ho già pagato", "it", L::complaint},
      {"J'ai reçu une relance alors que j'ai déjà payé", "fr", L::complaint},
      {"Me ha llegado un recordatorio de pago aunque ya he pagado", "es", L::complaint},
      {"Il pacco è stato consegnato all'indirizzo sbagliato", "it", L::complaint},
      // "jamais venu" holds its negation: "personne" after it stays a complaint.
      {"Le technicien n'est jamais venu et personne n'a appelé", "fr", L::complaint},
  });
}

TEST_CASE("a negation that restricts, proposes or sets a record turns nothing") {
  // "never ... so" is the worst (or best) yet, not the opposite.
  for (const auto& [text, lang] : std::vector<std::pair<std::string, std::string>>{
           {"I have never been so disappointed", "en"},
           {"Nog nooit zo slecht geslapen", "nl"},
           {"Mai così deluso da un albergo", "it"},
           {"Noch nie so enttäuscht gewesen", "de"},
       }) {
    CAPTURE(text);
    CHECK_FALSE(has_cue(text, lang, hark::Label::praise));
    CHECK(hark::analyze(text, lang).label == hark::Label::complaint);
  }
  // "not only", "nothing but", "niets dan": what follows is meant as said, and the negation
  // word is no complaint cue either.
  for (const auto& [text, lang] : std::vector<std::pair<std::string, std::string>>{
           {"Niet alleen vriendelijk personeel, ook een heerlijk ontbijt", "nl"},
           {"Ik heb niets dan lof voor de service", "nl"},
           {"Nicht nur freundlich, sondern auch schnell", "de"},
           {"Non solo gentili, anche molto veloci", "it"},
       }) {
    CAPTURE(text);
    CHECK_FALSE(has_cue(text, lang, hark::Label::complaint));
    CHECK(hark::analyze(text, lang).label == hark::Label::praise);
  }
  // "why not" proposes; "no email :(" is sad, not happy.
  CHECK_FALSE(has_cue("why not just make it cheaper", "en", hark::Label::praise));
  for (const hark::Cue& c : hark::find_cues("no email today :(", "en")) CHECK(c.label == hark::Label::complaint);
  CHECK(has_cue("geen mail vandaag :(", "nl", hark::Label::complaint));
  CHECK_FALSE(has_cue("geen mail vandaag :(", "nl", hark::Label::praise));
  // An ordinary negation still turns what it reaches.
  CHECK(first_cue("never good", "en", hark::Label::complaint).cue == "never good");
}

TEST_CASE("an intensifier, caps and elongation strengthen a cue") {
  const double plain = first_cue("the staff were good", "en", hark::Label::praise).weight;
  CHECK(first_cue("the staff were very good", "en", hark::Label::praise).weight > plain);
  CHECK(first_cue("the staff were GOOD", "en", hark::Label::praise).weight > plain);
  const hark::Cue long_cue = first_cue("the staff were goooood", "en", hark::Label::praise);
  CHECK(long_cue.cue == "goooood");
  CHECK(long_cue.weight > plain);
}

TEST_CASE("what follows a contrast outweighs what came before") {
  CHECK(hark::analyze("The room was nice but the staff were rude and unhelpful", "en").label ==
        hark::Label::complaint);
  CHECK(hark::analyze("De kamer was klein maar het personeel was super vriendelijk", "nl").label ==
        hark::Label::praise);
}

TEST_CASE("a concessive or exception clause is the weaker one") {
  const double plain = first_cue("the room was tiny", "en", hark::Label::complaint).weight;
  // Whether it comes first or last, the clause after "although" weighs half.
  CHECK(first_cue("Although the room was tiny, the staff were wonderful", "en", hark::Label::complaint).weight ==
        doctest::Approx(plain * 0.5));
  CHECK(first_cue("The staff were wonderful, although the room was tiny", "en", hark::Label::complaint).weight ==
        doctest::Approx(plain * 0.5));
  for (const auto& [text, lang] : std::vector<std::pair<std::string, std::string>>{
           {"The staff were wonderful, although the room was tiny", "en"},
           {"Hoewel de kamer klein was, was het personeel erg vriendelijk", "nl"},
           {"Aunque la habitación era pequeña, el personal fue muy amable", "es"},
           {"Tout était parfait, sauf le petit-déjeuner un peu froid", "fr"},
       }) {
    CAPTURE(text);
    CHECK(hark::analyze(text, lang).label == hark::Label::praise);
  }
}

TEST_CASE("emoji and emoticons are cues, skin tones included") {
  const std::string text = "new app 👍🏽";
  const hark::Cue c = first_cue(text, "en", hark::Label::praise);
  CHECK(c.cue == "👍🏽");
  CHECK(c.end == text.size());
  CHECK(first_cue("new update :(", "en", hark::Label::complaint).cue == ":(");
  CHECK(first_cue("treno fermo 😡", "it", hark::Label::complaint).cue == "😡");
}

TEST_CASE("URLs, handles and hashtags are units, not words") {
  // The link is one cue (shared news points to "other"); the words inside it are none.
  const std::vector<hark::Cue> cues = hark::find_cues("https://example.com/broken-terrible-awful", "en");
  REQUIRE(cues.size() == 1);
  CHECK(cues[0].label == hark::Label::other);
  CHECK(cues[0].cue == "https://example.com/broken-terrible-awful");
  CHECK(first_cue("@fix_it_felix hello", "en", hark::Label::complaint).cue.empty());
}

TEST_CASE("punctuation after a link ends the sentence, not the link") {
  const std::string text = "Do you ship to https://example.com/store?";
  const hark::Cue link = first_cue(text, "en", hark::Label::other);
  CHECK(link.cue == "https://example.com/store");
  const std::string rest = text.substr(6);  // a cue points into its text, which must live on
  const hark::Cue mark = first_cue(rest, "en", hark::Label::question);
  CHECK(mark.cue == "?");
  // A query string inside the link stays in it.
  CHECK(first_cue("see https://example.com/?q=1.", "en", hark::Label::other).cue ==
        "https://example.com/?q=1");
  CHECK(hark::analyze("Do you ship to https://example.com/store?", "en").label == hark::Label::question);
}

TEST_CASE("a why-question with complaint cues is a complaint") {
  CHECK(hark::analyze("Why does the app never work when I need it?", "en").label == hark::Label::complaint);
  CHECK(hark::analyze("Waarom werkt de app nooit als ik hem nodig heb?", "nl").label ==
        hark::Label::complaint);
  CHECK(hark::analyze("How do I change my delivery address?", "en").label == hark::Label::question);
}

TEST_CASE("verb-first questions and requests for help are questions in every language") {
  CHECK(hark::analyze("Weet iemand of de winkel morgen open is", "nl").label == hark::Label::question);
  CHECK(hark::analyze("Kann mir jemand sagen wo das Gleis ist", "de").label == hark::Label::question);
  CHECK(hark::analyze("qualcuno sa se il negozio apre domani", "it").label == hark::Label::question);
}

TEST_CASE("settings paths and imperatives are expert tips") {
  bool path = false;
  for (const hark::Cue& cue : hark::find_cues("Go to Settings > Network > Wi-Fi", "en"))
    path = path || (cue.label == hark::Label::expert_tip && cue.cue == "Settings > Network > Wi-Fi");
  CHECK(path);
  CHECK(hark::analyze("Go to Settings > Network > Wi-Fi and forget the network", "en").label ==
        hark::Label::expert_tip);
  CHECK(hark::analyze("Probeer eens de modem opnieuw op te starten", "nl").label == hark::Label::expert_tip);
  // The same imperative addressed to the brand is no tip to other users.
  CHECK(hark::analyze("@acme fix your app, it crashes all the time", "en").label == hark::Label::complaint);
}

TEST_CASE("scores are a distribution and the class is the most likely one") {
  const hark::Analysis a = hark::analyze("Thanks, the new router works great!", "en");
  double sum = 0;
  for (double s : a.scores) sum += s;
  CHECK(sum == doctest::Approx(1.0));
  CHECK(a.label == hark::Label::praise);
  CHECK(a.confidence > 0.2);
  CHECK(a.confidence <= 1.0);
  const hark::Analysis none = hark::analyze("", "en");
  CHECK(none.label == hark::Label::other);
  CHECK(none.cues.empty());
}

TEST_CASE("heated and delicate posts are marked for the advice") {
  CHECK(hark::analyze("THIS IS THE WORST SERVICE EVER, FIX IT NOW", "en").heated);
  CHECK(hark::analyze("what a shitty company", "en").heated);
  CHECK_FALSE(hark::analyze("the service was slow", "en").heated);
  CHECK(hark::analyze("my account was hacked and money is gone", "en").delicate);
}

TEST_CASE("language detection tells the six languages apart") {
  CHECK(hark::detect_language("the train was late again and nobody told us") == "en");
  CHECK(hark::detect_language("de trein was weer te laat en niemand zei iets") == "nl");
  CHECK(hark::detect_language("il treno era di nuovo in ritardo e nessuno ci ha avvisato") == "it");
  CHECK(hark::detect_language("der Zug war wieder zu spät und niemand hat es uns gesagt") == "de");
  CHECK(hark::detect_language("le train était encore en retard et personne ne nous a prévenus") == "fr");
  CHECK(hark::detect_language("el tren llegó tarde otra vez y nadie nos avisó") == "es");
  CHECK(hark::detect_language("12345 !!!").empty());
  CHECK(hark::detect_language("").empty());
  // analyze() without a language detects it as detect_language does, and says which.
  CHECK(hark::analyze("de trein was weer te laat en niemand zei iets", "").detected_lang == "nl");
  CHECK(hark::analyze("el tren llegó tarde otra vez y nadie nos avisó", "").detected_lang == "es");
  CHECK(hark::analyze("12345 !!!", "").detected_lang.empty());
  CHECK(hark::analyze("de trein was weer te laat", "nl").detected_lang.empty());
  // A word that is a stopword in two languages counts for both: "is" alone ties en and nl,
  // "is het" is Dutch.
  CHECK(hark::detect_language("is").empty());
  CHECK(hark::detect_language("is het") == "nl");
}

TEST_CASE("language detection settles short reviews, elisions and accented letters") {
  // No function word at all: the words of each language's cue entries decide.
  CHECK(hark::detect_language("Camera grande, ben pulita, colazione ottima") == "it");
  CHECK(hark::detect_language("Super snelle levering, keurig verpakt") == "nl");
  CHECK(hark::detect_language("Tolles Hotel, freundliches Personal") == "de");
  // An elided article is French or Italian; the letters and words around it decide which.
  CHECK(hark::detect_language("L'hôtel se trouve à côté de la gare.") == "fr");
  CHECK(hark::detect_language("L'albergo è vicino alla stazione.") == "it");
  CHECK(hark::detect_language("J'attends depuis lundi") == "fr");
  // Letters only one of the six writes.
  CHECK(hark::detect_language("Pésimo servicio, ¿nadie contesta?") == "es");
  CHECK(hark::detect_language("Schöne Grüße") == "de");
  // Shared words alone tell nothing.
  CHECK(hark::detect_language("in").empty());
  CHECK(hark::detect_language("Die Bahn hat neue Strecken.") == "de");
}

TEST_CASE("our own labeled examples come out right in every language, lang given or not") {
  for (const char* lang : {"en", "nl", "it", "de", "fr", "es"}) {
    CAPTURE(lang);
    const std::string path = std::string(HARK_TEST_DATA) + "/classify/" + lang + ".jsonl";
    const auto [right, total] = score_file(path);
    CHECK(total == 20);
    CHECK(right >= 18);
    CHECK(score_file(path, true).first >= 17);
  }
}

TEST_CASE("the dev set stays above the floor (skipped when ../shared is absent)") {
  const std::string path = std::string(HARK_SOURCE_DIR) + "/../shared/data/mentions-dev.jsonl";
  if (!std::ifstream(path).good()) {
    MESSAGE("skipped: no dev set at " << path);
    return;
  }
  const auto [right, total] = score_file(path);
  CHECK(total > 7000);
  CHECK(static_cast<double>(right) / total > 0.6);
}
