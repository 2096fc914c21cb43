import type { CodeEntry, JobFamily } from './types.ts';

/** Every eCall SendState per job family, from the annex of the F24 web service description v1.76. */
export const SEND_STATES = {
  sms: {
    0: { name: 'sending', en: 'Sending in progress', fr: 'Envoi en cours' },
    1: { name: 'sent', en: 'Sent OK', fr: 'Envoi OK' },
    2: {
      name: 'failed',
      en: 'Error while sending. Details are in the ErrorState field.',
      fr: "Erreur lors de l'envoi. Les détails peuvent être trouvés dans le champ ErrorState.",
    },
    3: {
      name: 'awaitingStatus',
      en: 'Being sent, waiting for a status message',
      fr: "Est en train d'être envoyé. En attente d'un message de statut",
    },
    8: {
      name: 'deliveredConfirmed',
      en: 'Sent OK (reception confirmed)',
      fr: 'Envoyé OK (réception confirmée)',
    },
    9: {
      name: 'sentAwaitingDelivery',
      en: 'Sent OK (reception not yet confirmed, waiting for delivery)',
      fr: 'Envoyé OK (reçu non encore confirmé, en attente de livraison)',
    },
    10: {
      name: 'sentUnconfirmed',
      en: 'Sent OK (reception not confirmed)',
      fr: 'Envoyé OK (reçu non confirmé)',
    },
  },
  voice: {
    30: {
      name: 'handedToVoiceSystem',
      en: 'Voice message handed to the voice system',
      fr: 'Message vocal transféré au système vocal',
    },
    31: {
      name: 'acceptedByVoiceSystem',
      en: 'Voice message successfully handed to the voice system',
      fr: 'Message vocal transféré avec succès au système vocal',
    },
    32: {
      name: 'voiceSystemTransferFailed',
      en: 'Error while handing the voice message to the voice system',
      fr: 'Erreur lors du transfert du message vocal vers le système vocal',
    },
    33: { name: 'played', en: 'Voice message played successfully', fr: 'Message vocal lu avec succès' },
    34: {
      name: 'playedWithReaction',
      en: 'Voice message played successfully and a reaction was received',
      fr: 'Message vocal lu avec succès et réaction reçue',
    },
    35: {
      name: 'invalidNumber',
      en: 'Voice message with an invalid telephone number',
      fr: 'Message vocal avec un numéro de téléphone invalide',
    },
    36: {
      name: 'playedConfirmed',
      en: 'Voice message played successfully with confirmation',
      fr: 'Message vocal lu avec succès avec confirmation',
    },
    37: {
      name: 'noConnectionInPeriod',
      en: 'No connection within the defined period',
      fr: 'Pas de connexion dans la période définie',
    },
    38: { name: 'calling', en: 'The receiver is being called', fr: 'Le récepteur est appelé' },
    39: {
      name: 'unreachable',
      en: 'The receiver could not be reached',
      fr: "Le récepteur n'a pas pu être joint",
    },
  },
  fax: {
    101: {
      name: 'jobGroupAtGateway',
      en: 'JobGroup was handed to the gateway successfully.',
      fr: 'JobGroup a été transmis avec succès à Gateway.',
    },
    201: { name: 'conversionStarted', en: 'Conversion started', fr: 'Démarrage de la conversion' },
    202: { name: 'fileConverted', en: 'A file was converted', fr: 'Un fichier a été converti' },
    301: { name: 'mergeStarted', en: 'Document merging starts', fr: 'La fusion de documents commence' },
    401: { name: 'sendingStarted', en: 'Sending starts', fr: "L'envoi commence" },
    402: { name: 'jobFinished', en: 'A job was finished', fr: 'Un job a été terminé' },
    501: {
      name: 'jobGroupFinished',
      en: 'The whole JobGroup is finished.',
      fr: "L'ensemble du JobGroup est terminé.",
    },
    41: {
      name: 'sent',
      en: 'Fax message transmitted successfully.',
      fr: 'Fax message transmis avec succès.',
    },
    42: {
      name: 'failed',
      en: 'Sending ended with an error. The error detail is in the ErrorState field.',
      fr: "L'expédition s'est terminée par une erreur. Le détail de l'erreur se trouve dans le champ ErrorState.",
    },
    43: { name: 'sendPending', en: 'Sending pending', fr: 'Envoi en attente' },
    44: { name: 'jobRecreated', en: 'The job was recreated.', fr: "L'ordre a été recréé." },
  },
} as const satisfies Record<JobFamily, Record<number, CodeEntry>>;
