import type { CodeEntry } from './types.ts';

/**
 * Every eCall ResponseCode (0 and 11000-11999) from the annex of the F24 web service description v1.76.
 * `name` is the ResponseText column verbatim (11401 without the French gloss the annex appends to it).
 */
export const RESPONSE_CODES = {
  0: { name: 'OK', en: 'The message was sent', fr: 'Le message a été envoyé' },
  11000: { name: 'SyntaxError', en: 'Syntax error', fr: 'Erreur de syntaxe' },
  11001: { name: 'PermissionDenied', en: 'Access denied', fr: 'Accès refusé' },
  11100: {
    name: 'AdrAdCInvalid',
    en: 'Recipient address invalid or incorrect',
    fr: 'Adresse du destinataire invalide ou incorrecte',
  },
  11101: {
    name: 'AdrNAInvalid',
    en: 'Confirmation address invalid or incorrect',
    fr: 'Adresse de confirmation invalide ou incorrecte',
  },
  11102: {
    name: 'AdrAdCMissing',
    en: 'No recipient address available',
    fr: "Pas d'adresse de destinataire disponible",
  },
  11103: {
    name: 'AdrAdCMissing',
    en: 'No notification address available',
    fr: "Pas d'adresse de notification disponible",
  },
  11104: {
    name: 'AdrAdCTooMany',
    en: 'Sent to too many recipient addresses',
    fr: "Envoyé à trop d'adresses de destinataires",
  },
  11105: {
    name: 'AdrAdCNotAllowed',
    en: 'The recipient address is outside the defined range.',
    fr: "L'adresse du destinataire se situe en dehors de la plage définie.",
  },
  11200: { name: 'MsgNoCharacters', en: 'No message available', fr: 'Aucun message disponible' },
  11201: {
    name: 'MsgInvalidCharacters',
    en: 'Invalid characters in the message',
    fr: 'Caractères invalides dans le message',
  },
  11202: {
    name: 'MsgSendTimeInvalid',
    en: 'Invalid send time specified',
    fr: 'Temps de transmission invalide spécifié',
  },
  11203: {
    name: 'MsgSendTimeNotAllowed',
    en: 'The send time is outside the time window.',
    fr: 'Le temps de transmission se situe en dehors de la fenêtre de temps.',
  },
  11204: {
    name: 'MsgTooLong',
    en: 'SMS/pager only: the message is too long. Check the "maximum number of pages for long messages" setting in eCall.',
    fr: 'SMS/Pager uniquement : le message est trop long. Dans ce cas, vérifiez le paramètre « Nombre maximum de pages pour les messages longs » dans eCall.',
  },
  11300: { name: 'AccNoUser', en: 'Unknown user', fr: 'Utilisateur inconnu' },
  11301: { name: 'AccNoUnits', en: 'Too few points available', fr: 'Trop peu de points disponibles' },
  11303: {
    name: 'AccNoFreeUnits',
    en: 'Not enough free points available',
    fr: 'Pas assez de points gratuits disponibles',
  },
  11400: { name: 'CallSystemInvalid', en: 'Invalid call system', fr: "Système d'appel invalide" },
  11401: {
    name: 'CallSystemInvalidForUser',
    en: 'Call system invalid for this user',
    fr: "Système d'appel invalide pour cet utilisateur",
  },
  11402: {
    name: 'CallSystemNotSupported',
    en: 'The call system is not supported',
    fr: "Le système d'appel n'est pas pris en charge",
  },
  11403: {
    name: 'CallSystemConfused',
    en: 'The call system is temporarily disturbed.',
    fr: "Le système d'appel est temporairement perturbé.",
  },
  11500: { name: 'DMissing', en: 'No identification', fr: "Pas d'identifiant" },
  11501: {
    name: 'IDInvalid',
    en: 'The identification could not be found',
    fr: "L'identification n'a pas pu être trouvée",
  },
  11502: {
    name: 'IDDoesNotExist',
    en: 'The ID does not exist in the system.',
    fr: "L'ID n'existe pas dans le système.",
  },
  11600: {
    name: 'StateAlreadyTransmitted',
    en: 'The message has already been sent',
    fr: 'Le message a déjà été envoyé',
  },
  11700: {
    name: 'DataReadError',
    en: 'The data content could not be read',
    fr: "Le contenu des données n'a pas pu être lu",
  },
  11800: {
    name: 'CBMsgError',
    en: 'Callback contains a forbidden number or text.',
    fr: 'Callback contient un numéro ou un texte interdit.',
  },
  11810: {
    name: 'AnswerInvalid',
    en: 'Answer contains an invalid address',
    fr: 'Answer contient une adresse non valide',
  },
  11904: {
    name: 'Too many attachments',
    en: 'Too many attachments (at most 10 allowed)',
    fr: 'Trop de pièces jointes disponibles (max. 10 permis)',
  },
  11905: {
    name: 'Attachment(s) too large',
    en: 'At least one attachment is too large. Maximum size 5 MB',
    fr: 'Au moins une pièce jointe est trop grande. Taille maximale 5 MB',
  },
  11906: {
    name: 'Type de fichier pas pris en charge',
    en: 'File type not supported in the attachments. The system supports these file types: bmp, pdf, doc, docx, rtf, ppt, pptx, dok, snp, gif, tif, tiff, html, txt, jpg, wir, jpeg, xls, xlsx, zip',
    fr: 'Type de fichier pas pris en charge dans les pièces jointes. Les types de fichiers suivants sont pris en charge par le système : bmp, pdf, doc, docx, rtf, ppt, pptx, dok, snp, gif, tif, tiff, html, txt, jpg, wir, jpeg, xls, xlsx, zip',
  },
  11907: {
    name: 'Erreur lors du traitement des pièces jointes',
    en: 'An unexpected error occurred while processing the attachments.',
    fr: "Une erreur inattendue s'est produite lors du traitement des pièces jointes.",
  },
  11908: {
    name: 'Erreur lors de la sauvegarde des pièces jointes',
    en: 'An unexpected error occurred while saving the attachments.',
    fr: "Une erreur inattendue s'est produite lors de la sauvegarde des pièces jointes.",
  },
  11910: {
    name: 'Job not found in Log',
    en: 'The job could not be found in the log.',
    fr: "Le job n'a pas pu être trouvé dans le journal.",
  },
  11911: {
    name: 'JobID requis',
    en: 'A JobID must be given to request a status.',
    fr: 'Pour pouvoir envoyer une requête de statut, un JobID doit être spécifié.',
  },
  11912: { name: 'Job is scheduled', en: 'The job is scheduled', fr: 'Le job est planifié' },
  11913: {
    name: 'Job in progress',
    en: 'The job is being processed',
    fr: 'Le job est en cours de traitement',
  },
  11914: {
    name: 'Attachment name exceeds char limit',
    en: 'The attachment name is too long.',
    fr: 'Le nom de la pièce jointe est trop long.',
  },
  11999: { name: 'Unknown error', en: 'Unknown error', fr: 'Erreur inconnue' },
} as const satisfies Record<number, CodeEntry>;
