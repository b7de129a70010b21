/** The names of DNS messages on the diagram, in Korean (./dns-message.en.ts). */
import type { DnsMessageKey } from './dns-message.en';

export const DNS_MESSAGE_TEXT_KO: Readonly<Record<DnsMessageKey, string>> = {
  'dns.message.query': '질의 {question}',
  'dns.message.query_empty': '질의',
  'dns.message.referral': '{zone|으로/로} 위임',
  'dns.message.response': '응답 {question} {rcode}',
  'dns.message.response_empty': '응답 {rcode}',
};
