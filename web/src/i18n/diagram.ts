import { defineArea } from './define';

/** Messages of the diagram pages (keys start with `diagram.`). */
export default defineArea(
  {
    'diagram.title': 'Architecture diagram',
    'diagram.intro':
      'Zones, sites, assets and flows as the model describes them. Select an element to open it in the explorer.',
    'diagram.view': 'View (filter by zone or site)',
    'diagram.viewport': 'Architecture diagram, {view}',
    'diagram.help':
      'Drag or use the arrow keys to move, the mouse wheel or + and − to zoom, 0 to fit. Press Enter on an element to open it.',
    'diagram.zoomIn': 'Zoom in',
    'diagram.zoomOut': 'Zoom out',
    'diagram.reset': 'Fit to view',
    'diagram.zoomLevel': 'Zoom: {percent} %',
    'diagram.hover': '{kind} {id}',
    'diagram.hoverFlows': 'Flows: {ids}',
    'diagram.idle': 'Point at an element to see its identifier.',
    'diagram.entities': 'Elements shown in the diagram ({count})',
    'diagram.noEntities': 'The diagram shows no model element.',
    'diagram.elementLabel': '{kind}: {name}',
    'diagram.empty': 'The diagram is empty.',
    'diagram.unsafe': 'The diagram could not be displayed.',
  },
  {
    'diagram.title': 'Schéma d’architecture',
    'diagram.intro':
      'Zones, sites, actifs et flux tels que le modèle les décrit. Sélectionnez un élément pour l’ouvrir dans l’explorateur.',
    'diagram.view': 'Vue (filtrer par zone ou site)',
    'diagram.viewport': 'Schéma d’architecture, {view}',
    'diagram.help':
      'Faites glisser ou utilisez les flèches pour vous déplacer, la molette ou + et − pour zoomer, 0 pour ajuster. Appuyez sur Entrée sur un élément pour l’ouvrir.',
    'diagram.zoomIn': 'Zoom avant',
    'diagram.zoomOut': 'Zoom arrière',
    'diagram.reset': 'Ajuster à la fenêtre',
    'diagram.zoomLevel': 'Zoom : {percent} %',
    'diagram.hover': '{kind} {id}',
    'diagram.hoverFlows': 'Flux : {ids}',
    'diagram.idle': 'Pointez un élément pour voir son identifiant.',
    'diagram.entities': 'Éléments affichés sur le schéma ({count})',
    'diagram.noEntities': 'Le schéma n’affiche aucun élément du modèle.',
    'diagram.elementLabel': '{kind} : {name}',
    'diagram.empty': 'Le schéma est vide.',
    'diagram.unsafe': 'Le schéma n’a pas pu être affiché.',
  },
);
