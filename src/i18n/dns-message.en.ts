/**
 * The names of DNS messages on the diagram, in English: what the engine writes as a message's
 * `name` (which the CLI prints and the diagram's accessible names begin with), and what the page
 * shows in English. The question and the response code stay as DNS writes them.
 */
export const DNS_MESSAGE_TEXT_EN = {
  'dns.message.query': 'Query {question}',
  'dns.message.query_empty': 'Query',
  'dns.message.referral': 'Referral to {zone}',
  'dns.message.response': 'Response {question} {rcode}',
  'dns.message.response_empty': 'Response {rcode}',
};

export type DnsMessageKey = keyof typeof DNS_MESSAGE_TEXT_EN;
