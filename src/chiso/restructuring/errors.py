from chiso.workflow.errors import ServiceError


class RestructuringError(ServiceError):
    """The restructuring was refused; nothing was saved. Every problem is named."""
