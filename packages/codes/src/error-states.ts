import type { CodeEntry } from './types.ts';

/**
 * Every eCall ErrorState per job family, from the annex of the F24 web service description v1.76.
 * Voice has no ErrorState table: its failures are SendStates.
 */
export const ERROR_STATES = {
  sms: {
    71: {
      name: 'noJobAcceptedFromGateway',
      en: 'No "job accepted" message from the gateway',
      fr: 'Pas de message « Job accepté » de Gateway',
    },
    1000: { name: 'connectionInterrupted', en: 'Connection interrupted', fr: 'Connexion interrompue' },
    1001: {
      name: 'timeout',
      en: 'Timeout: the page could not be sent successfully.',
      fr: "Timeout : la page n'a pas pu être envoyée avec succès.",
    },
    5111: { name: 'textTooLong', en: 'The text is too long', fr: 'Le texte est trop long' },
    5112: { name: 'invalidPhoneNumber', en: 'Invalid telephone number', fr: 'Numéro de téléphone invalide' },
    5120: {
      name: 'toneOnlyNumber',
      en: 'The destination number is a tone-only pager: message not allowed',
      fr: 'Le numéro de destination est un numéro de sonnerie : message inadmissible',
    },
    5121: {
      name: 'numericOnlyNumber',
      en: 'The destination number is a numeric pager: invalid character',
      fr: 'Le numéro de téléphone de destination est un numéro numérique : caractère invalide',
    },
    5155: { name: 'tooMuchTraffic', en: 'Too much traffic', fr: 'Trop de trafic' },
    5164: {
      name: 'pagingAreasDisturbed',
      en: 'All paging areas are disturbed or overloaded',
      fr: "Toutes les zones d'appel sont perturbées ou surchargées",
    },
    5502: {
      name: 'providerSyntaxError',
      en: 'Provider message: syntax error',
      fr: 'Message du fournisseur : erreur syntaxique',
    },
    5504: {
      name: 'providerMaxMessagesExceeded',
      en: 'Provider message: operation not allowed, maximum messages for the address exceeded',
      fr: 'Message du fournisseur : Operation not allowed – Maximum messages for the address exceeded',
    },
    5506: {
      name: 'providerAdcInvalid',
      en: 'Provider message: ADC invalid',
      fr: 'Message du fournisseur : ADC invalid',
    },
    5509: {
      name: 'providerInvalidNumber',
      en: 'Invalid telephone number',
      fr: 'Numéro de téléphone invalide',
    },
    5510: {
      name: 'tooManyMessagesToRecipient',
      en: 'Too many messages to the same recipient',
      fr: 'Trop de messages au même destinataire',
    },
    5511: {
      name: 'tooManyIdenticalMessages',
      en: 'Too many messages to the same recipient with the same text',
      fr: 'Trop de messages au même destinataire avec le même texte',
    },
    5512: {
      name: 'duplicateJobId',
      en: 'This JobID has already been used by this sender',
      fr: 'Ce Job Id a déjà été attribué par cet expéditeur',
    },
    5513: {
      name: 'blacklisted',
      en: 'The sender, the address or parts of the content are blacklisted',
      fr: "L'expéditeur, l'adresse ou des parts du contenu sont blacklistés",
    },
    5514: {
      name: 'blockedByOutboundFilter',
      en: 'Blocked by outbound filter rules',
      fr: 'Bloqué par les règles de filtre émanantes',
    },
  },
  fax: {
    6000: { name: 'unknownError', en: 'Unknown error', fr: 'Erreur inconnue' },
    6002: {
      name: 'documentConversionError',
      en: 'Document conversion error',
      fr: 'Erreur de conversion de documents',
    },
    6004: { name: 'abortedNoAnswer', en: 'Aborted, no answer', fr: 'Abandonné, pas de réponse' },
    6005: {
      name: 'nothingToSend',
      en: 'Error: nothing to send in this order. Could not create a JobID.',
      fr: 'Erreur : rien à envoyer dans cet ordre. Impossible de créer un JobID.',
    },
    6006: { name: 'busy', en: 'Busy', fr: 'Occupé' },
    6007: { name: 'rejected', en: 'Rejected', fr: 'Rejeté' },
    6009: { name: 'unknownNumber', en: 'Unknown number', fr: 'Numéro inconnu' },
    6010: { name: 'invalidNumber', en: 'Invalid number', fr: 'Numéro invalide' },
    6011: { name: 'numberChanged', en: 'Number changed', fr: 'Numéro modifié' },
    6013: {
      name: 'notAFaxMachine',
      en: 'The remote station is not a fax machine.',
      fr: "Le poste distant n'est pas un appareil fax.",
    },
    6014: {
      name: 'hungUpBySender',
      en: 'Connection interrupted by the sender',
      fr: "Connexion interrompue par l'expéditeur",
    },
    6015: {
      name: 'hungUpByReceiver',
      en: 'Connection interrupted by the receiver',
      fr: 'Connexion interrompue par le récepteur',
    },
    6016: {
      name: 'unsupportedFileFormat',
      en: 'File format not supported',
      fr: 'Format de fichier pas pris en charge',
    },
    6017: { name: 'noFileAccess', en: 'No access to the files', fr: "Pas d'accès aux fichiers" },
    6900: {
      name: 'sentReceiverHungUpBadly',
      en: 'Fax sent, but the receiver did not end the connection properly.',
      fr: "Fax envoyé, mais le destinataire n'a pas terminé la connexion correctement.",
    },
  },
} as const satisfies { readonly sms: Record<number, CodeEntry>; readonly fax: Record<number, CodeEntry> };
