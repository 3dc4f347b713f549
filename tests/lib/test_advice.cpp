#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "hark/advice.hpp"
#include "hark/classify.hpp"

namespace {

using Kinds = std::vector<std::string_view>;

Kinds pii(std::string_view text) { return hark::find_pii(text); }

hark::Analysis analysis(hark::Label label, bool heated = false, bool delicate = false) {
  hark::Analysis a;
  a.label = label;
  a.heated = heated;
  a.delicate = delicate;
  return a;
}

}  // namespace

TEST_CASE("phone numbers in several countries' formats") {
  CHECK(pii("bel me op 06-12345678 aub") == Kinds{"phone"});
  CHECK(pii("mijn nummer is +31 6 12345678") == Kinds{"phone"});
  CHECK(pii("ruf mich an: 0171 1234567") == Kinds{"phone"});
  CHECK(pii("Rückruf bitte unter +49 30 12345678") == Kinds{"phone"});
  CHECK(pii("chiamatemi al 333 123 4567") == Kinds{"phone"});
  CHECK(pii("llamadme al 612 345 678") == Kinds{"phone"});
  CHECK(pii("rappelez-moi au 06 12 34 56 78") == Kinds{"phone"});
  CHECK(pii("call me at (555) 123-4567") == Kinds{"phone"});
  CHECK(pii("call +44 20 7946 0958 tomorrow") == Kinds{"phone"});
  CHECK(pii("dial 0044 20 7946 0958") == Kinds{"phone"});
}

TEST_CASE("dates, prices, years and counts are not phone numbers") {
  CHECK(pii("delivered on 12-05-2023, two days late").empty());
  CHECK(pii("ordered 2023-05-12 and still nothing").empty());
  CHECK(pii("from 12.05.2023 - 14.05.2023 no internet").empty());
  CHECK(pii("dal 01/02/2024 al 03/02/2024 senza linea").empty());
  CHECK(pii("it cost € 1.234.567 apparently").empty());
  CHECK(pii("it cost 1234567 € apparently").empty());
  CHECK(pii("the 2019 2020 2021 models all fail").empty());
  CHECK(pii("version 3.14.159 crashes").empty());
  CHECK(pii("I paid 1299,00 euro for this").empty());
}

TEST_CASE("e-mail addresses, not @handles") {
  CHECK(pii("mail me at jan.jansen@example.nl please") == Kinds{"email"});
  CHECK(pii("@acme_support please help").empty());
  CHECK(pii("write to info at example dot com").empty());
}

TEST_CASE("IBANs count only with a valid mod-97 checksum") {
  CHECK(pii("refund to NL91ABNA0417164300 please") == Kinds{"iban"});
  CHECK(pii("refund to NL91 ABNA 0417 1643 00 please") == Kinds{"iban"});
  CHECK(pii("Konto DE89 3704 0044 0532 0130 00") == Kinds{"iban"});
  CHECK(pii("IBAN IT60 X054 2811 1010 0000 0123 456") == Kinds{"iban"});
  CHECK(pii("refund to NL92ABNA0417164300 please").empty());  // check digits off by one
  CHECK(pii("Konto DE88 3704 0044 0532 0130 00").empty());
  CHECK(pii("my tracking code is NL12 ABCD 1234").empty());  // too short to be an IBAN
}

TEST_CASE("postcode with house number, and streets with their number") {
  CHECK(pii("wij wonen op 1234 AB 12 en hebben geen stroom") == Kinds{"address"});
  CHECK(pii("storing op de Dorpsstraat 12 in Utrecht") == Kinds{"address"});
  CHECK(pii("Lieferung an Hauptstraße 5, 10115 Berlin fehlt") == Kinds{"address"});
  CHECK(pii("abito in via Roma 12 a Torino") == Kinds{"address"});
  CHECK(pii("vivo en calle Mayor 3, Madrid") == Kinds{"address"});
  CHECK(pii("livré au 12 rue de la Paix ?") == Kinds{"address"});
  CHECK(pii("send it to 221 Baker Street") == Kinds{"address"});
  CHECK(pii("postcode 1234 AB heeft storing").empty());  // an area, not a home
  CHECK(pii("the street outside was noisy").empty());
  CHECK(pii("die Straße war gesperrt").empty());
}

TEST_CASE("customer and order numbers") {
  CHECK(pii("mijn klantnummer is 123456") == Kinds{"customer-number"});
  CHECK(pii("Kundennummer: 98765432") == Kinds{"customer-number"});
  CHECK(pii("numero cliente 445566, linea assente") == Kinds{"customer-number"});
  // "è", "n°" and "nº" between the name and the number, none of them an ASCII word
  CHECK(pii("il mio numero cliente è 55512345") == Kinds{"customer-number"});
  CHECK(pii("numero d'ordine è 4455667") == Kinds{"order-number"});
  CHECK(pii("numéro client n° 445566") == Kinds{"customer-number"});
  CHECK(pii("customer number 1234567") == Kinds{"customer-number"});
  CHECK(pii("where is order #12345?") == Kinds{"order-number"});
  CHECK(pii("ticket #558812 still open") == Kinds{"order-number"});
  CHECK(pii("Bestellnummer 20231234 kam nie an") == Kinds{"order-number"});
  CHECK(pii("numéro de commande 778899") == Kinds{"order-number"});
  CHECK(pii("I want to order 3 pizzas").empty());
  CHECK(pii("my order from 2019 was fine").empty());  // a year after a word is no order number
  // Groups joined by hyphens, as web shops number orders.
  CHECK(pii("@shop my order 123-4567890-1234567 never arrived") == Kinds{"order-number"});
  CHECK(pii("order 12-05 was late").empty());  // a date after the word is no order number
}

TEST_CASE("payment card numbers count only with a valid Luhn check digit") {
  CHECK(pii("charged twice on my card 4111 1111 1111 1111") == Kinds{"card-number"});
  CHECK(pii("card 5454-5454-5454-5454 declined") == Kinds{"card-number"});
  CHECK(pii("amex 378282246310005 refused") == Kinds{"card-number"});
  // One digit off fails the check; issuers' numbers start with 2 to 6; 12 digits are too few.
  CHECK(pii("charged twice on my card 4111 1111 1111 1112").empty());
  CHECK(pii("parcel 9111 1111 1111 1111 stuck").empty());
  CHECK(pii("code 4111 1111 1111").empty());
  // Nor is a part of a longer number.
  CHECK(pii("shipment 123-4111111111111111 arrived").empty());
}

TEST_CASE("national identity and tax numbers count only with valid check digits") {
  // Dutch BSN after its name, eleven-test; the same digits one off fail it.
  CHECK(pii("mijn BSN is 111222333, kunnen jullie dit aanpassen?") == Kinds{"national-id"});
  CHECK(pii("burgerservicenummer: 123.456.782") == Kinds{"national-id"});
  CHECK(pii("mijn BSN is 111222334").empty());
  CHECK(pii("bestand 111222333 verstuurd").empty());  // no name, no BSN
  // Italian codice fiscale, check letter (RSSMRA85T10A562S is the textbook example).
  CHECK(pii("il mio codice fiscale è RSSMRA85T10A562S") == Kinds{"national-id"});
  CHECK(pii("codice rssmra85t10a562s per la pratica") == Kinds{"national-id"});
  CHECK(pii("il mio codice fiscale è RSSMRA85T10A562T").empty());
  // Spanish DNI and NIE, check letter.
  CHECK(pii("Mi DNI es 12345678Z y no me dejan entrar") == Kinds{"national-id"});
  CHECK(pii("NIE X1234567L, sin respuesta") == Kinds{"national-id"});
  CHECK(pii("Mi DNI es 12345678A").empty());
  // French NIR with its key, spaced as printed, Corsica included.
  CHECK(pii("mon numéro de sécu 1 85 05 78 006 084 91") == Kinds{"national-id"});
  CHECK(pii("NIR 2 90 10 2A 100 123 65") == Kinds{"national-id"});
  CHECK(pii("mon numéro de sécu 1 85 05 78 006 084 92").empty());
  // German Steuer-ID after its name, ISO 7064 check digit.
  CHECK(pii("Meine Steuer-ID ist 86095742719") == Kinds{"national-id"});
  CHECK(pii("Meine Steuer-ID ist 86095742718").empty());
  // US SSN and UK National Insurance number after their names, with their number rules.
  CHECK(pii("my SSN is 123-45-6789, please delete it") == Kinds{"national-id"});
  CHECK(pii("my SSN is 666-45-6789").empty());
  CHECK(pii("my national insurance number is AB 12 34 56 C") == Kinds{"national-id"});
  CHECK(pii("my national insurance number is QQ 12 34 56 C").empty());  // Q never comes first
  CHECK(pii("my national insurance number is GB 12 34 56 C").empty());
}

TEST_CASE("several kinds are listed once each, in a fixed order") {
  CHECK(pii("klantnummer 123456, bel 06-12345678 of mail a@b.nl, of 06-87654321") ==
        Kinds{"phone", "email", "customer-number"});
}

TEST_CASE("advice follows webcare practice") {
  using hark::Advice;
  using hark::Label;
  CHECK(hark::advise(analysis(Label::complaint), {}) == Advice::respond);
  CHECK(hark::advise(analysis(Label::question), {}) == Advice::respond);
  CHECK(hark::advise(analysis(Label::praise), {}) == Advice::amplify);
  CHECK(hark::advise(analysis(Label::expert_tip), {}) == Advice::amplify);
  CHECK(hark::advise(analysis(Label::other), {}) == Advice::none);
  // Personal data moves the conversation to a private channel, even before heat.
  CHECK(hark::advise(analysis(Label::complaint, true), {"phone"}) == Advice::respond_private);
  CHECK(hark::advise(analysis(Label::praise), {"email"}) == Advice::respond_private);
  CHECK(hark::advise(analysis(Label::other), {"email"}) == Advice::none);
  CHECK(hark::advise(analysis(Label::question, false, true), {}) == Advice::respond_private);
  // Heated: no public reply, and nothing profane is amplified.
  CHECK(hark::advise(analysis(Label::complaint, true), {}) == Advice::hold);
  CHECK(hark::advise(analysis(Label::praise, true), {}) == Advice::none);
  CHECK(hark::advice_name(Advice::respond_private) == "respond-private");
}

TEST_CASE("from text to advice in each language: private matters, requests, orders") {
  using hark::Advice;
  const auto advice = [](std::string_view text, std::string_view lang) {
    return hark::advise(hark::analyze(text, lang), hark::find_pii(text));
  };
  // Money gone from a hacked account, with a number to call back on.
  CHECK(advice("Mijn rekening is gehackt en er is geld weg, bel me op 06-12345678", "nl") ==
        Advice::respond_private);
  // A request to check a debit, with the customer number.
  CHECK(advice("Meine Kundennummer ist 12345678, bitte prüfen Sie die Abbuchung", "de") ==
        Advice::respond_private);
  // A callback asked for, with the customer number.
  CHECK(advice("Meine Kundennummer lautet 98765432, bitte um Rückruf.", "de") == Advice::respond_private);
  // Bereavement, also when it is said without a question mark, and "late" of a person.
  CHECK(advice("Mio padre è morto, come posso chiudere il suo contratto?", "it") == Advice::respond_private);
  CHECK(advice("My father passed away and I need to close his account.", "en") == Advice::respond_private);
  CHECK(hark::analyze("I need to close my late husband's account.", "en").label == hark::Label::question);
  // "Order" opening a sentence about an order is no instruction to order something.
  CHECK(advice("Order placed on 2023-05-12 still not here, what is going on?", "en") == Advice::respond);
  CHECK(hark::analyze("Order the fish, it is the best thing on the menu", "en").label == hark::Label::expert_tip);
  // The cursing emoji swears too.
  CHECK(advice("@acme 🤬🤬🤬", "") == Advice::hold);
  // Swearing in a compound is still swearing.
  CHECK(advice("Wat een kutbedrijf, alweer geen internet", "nl") == Advice::hold);
  // Shaming the brand is heated in every language.
  CHECK(advice("@Trenitalia vergognatevi, 2 ore di ritardo", "it") == Advice::hold);
  CHECK(advice("@acme shame on you, three weeks without a refund", "en") == Advice::hold);
  CHECK(advice("Schaam je, al weken geen antwoord", "nl") == Advice::hold);
  CHECK(advice("Schämt euch, schon wieder kein Zug", "de") == Advice::hold);
  CHECK(advice("Honte à vous, toujours pas de remboursement", "fr") == Advice::hold);
  CHECK(advice("Qué vergüenza, tres semanas sin luz", "es") == Advice::hold);
  // A victim of fraud needs an answer, in private.
  CHECK(advice("J'ai été victime d'une fraude sur ma carte bancaire", "fr") == Advice::respond_private);
  CHECK(advice("I have been the victim of fraud on my card", "en") == Advice::respond_private);
  CHECK(advice("Ich bin Opfer von Betrug geworden, meine Karte wurde belastet", "de") == Advice::respond_private);
  CHECK(advice("Sono stato vittima di una truffa con la vostra carta", "it") == Advice::respond_private);
}
